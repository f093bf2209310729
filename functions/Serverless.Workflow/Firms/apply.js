// The apply page (GET /apply): the application form, its draft kept in this browser with the Idempotency-Key that
// makes every sending of this draft one application, and POST /api/applications with each answer said in words.

import { bilingual, setUpLanguage, translate } from './site.js';
import { buildForm, checkAsTyped, checkForm, fillForm, readForm, serverErrors, showErrors } from './application-form.js';
import { showCall } from './call-notice.js';

const draftKey = 'applyDraft';
const form = document.getElementById('application');
const submit = document.getElementById('submit');
const notice = document.getElementById('notice');
const summary = document.getElementById('summary');
const callBox = document.getElementById('call');

/** 128 random bits in hex: crypto.randomUUID needs a secure context, which a pilot on a LAN address is not. */
function newIdempotencyKey() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
}

function loadDraft() {
  try {
    const draft = JSON.parse(localStorage.getItem(draftKey));
    return typeof draft?.idempotencyKey === 'string' ? draft : null;
  } catch {
    return null;
  }
}

const draft = loadDraft() ?? { idempotencyKey: newIdempotencyKey(), application: null };

function saveDraft() {
  draft.application = readForm(form);
  localStorage.setItem(draftKey, JSON.stringify(draft));
}

function say(texts) {
  notice.replaceChildren(bilingual('p', texts));
  notice.hidden = false;
}

/** Whether the call of the programme chosen takes applications now. */
let callOpen = false;

function sending(busy) {
  submit.disabled = busy || !callOpen;
  submit.dataset.ko = busy ? '보내는 중…' : '신청서 제출';
  submit.dataset.en = busy ? 'Sending…' : 'Submit application';
  translate(submit.parentElement);
}

/** Shows the errors at their fields and in the summary, which then has the focus; true when there were any. */
function showProblems(errors) {
  showErrors(form, errors, { summary });
  if (errors.size > 0) {
    summary.focus();
  }

  return errors.size > 0;
}

function received(answer) {
  localStorage.removeItem(draftKey);
  form.hidden = true;
  notice.hidden = true;
  summary.hidden = true;
  document.getElementById('receiptNumber').textContent = answer.receiptNumber;
  document.getElementById('receipt').hidden = false;
  document.getElementById('receiptTitle').focus();
}

async function refused(response) {
  const problem = await response.json().catch(() => ({}));
  const seconds = response.headers.get('Retry-After') ?? '60';
  if (response.status === 400 && showProblems(serverErrors(problem))) {
    return;
  }

  if (response.status === 409 && 'nextCall' in problem) {
    // The call closed while the form was being filled: the draft stays for the next call.
    showProgrammeCall({ open: null, next: problem.nextCall }, new Date().toISOString());
    say(['모집이 마감되어 접수하지 못했습니다. 입력한 내용은 이 브라우저에 남아 있어 다음 모집 때 보낼 수 있습니다.',
      'The call closed before this was sent, so it was not received. What you entered stays in this browser for the next call.']);
  } else if (response.status === 409 && 'maxApplications' in problem) {
    say(['이번 모집은 정원이 차서 더 이상 신청을 받지 않습니다. 입력한 내용은 이 브라우저에 남아 있습니다.',
      'This call has taken as many applications as it may. What you entered stays in this browser.']);
  } else if (response.status === 409 && problem.applicationId) {
    say(['이 사업자등록번호로 진행 중인 신청이 이미 있어 새로 신청할 수 없습니다. 앞서 받은 접수 메일을 보시거나 사무국에 문의해 주세요.',
      'This business registration number already has an application in progress, so a new one cannot be made. See the receipt mail sent then, or ask the programme office.']);
  } else if (response.status === 409) {
    // The key was sent before with other content, which may have been received: from now on this draft is a new request.
    draft.idempotencyKey = newIdempotencyKey();
    saveDraft();
    say(['이 신청서는 앞서 다른 내용으로 보내졌습니다. 그때 접수되었다면 접수 메일이 갑니다. 지금 내용으로 보내려면 제출을 한 번 더 누르세요.',
      'This form was sent before with other content; if that was received, a receipt mail is on its way. To send it as it is now, press Submit once more.']);
  } else if (response.status === 429) {
    say([`요청이 너무 많습니다. ${seconds}초 뒤에 다시 제출해 주세요. 입력한 내용은 그대로 있습니다.`,
      `Too many requests from this connection. Please submit again in ${seconds} seconds; what you entered is kept.`]);
  } else if (response.status === 503) {
    say([`접수 시스템이 잠시 응답하지 않습니다. ${seconds}초쯤 뒤에 다시 제출해 주세요. 여러 번 보내도 한 번만 접수됩니다.`,
      `The system is not answering for a moment. Please submit again in about ${seconds} seconds; sending again still makes one application.`]);
  } else {
    say([`접수하지 못했습니다 (HTTP ${response.status}). 잠시 뒤 다시 제출하시거나 사무국에 문의해 주세요.`,
      `The application could not be received (HTTP ${response.status}). Please try again later or ask the programme office.`]);
  }
}

async function send(event) {
  event.preventDefault();
  notice.hidden = true;
  const application = readForm(form);
  if (showProblems(checkForm(application, options))) {
    return;
  }

  sending(true);
  try {
    const response = await fetch('/api/applications', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': draft.idempotencyKey },
      body: JSON.stringify(application),
    });
    await (response.status === 202 ? response.json().then(received) : refused(response));
  } catch {
    say(['서버에 연결하지 못했습니다. 연결을 확인하고 다시 제출해 주세요. 여러 번 보내도 한 번만 접수됩니다.',
      'The server could not be reached. Check the connection and submit again; sending again still makes one application.']);
  } finally {
    sending(false);
  }
}

const optionsAnswer = await fetch('/api/intake/options').catch(() => null);
const options = optionsAnswer?.ok ? await optionsAnswer.json() : null;
setUpLanguage(document.getElementById('lang'), language => {
  if (options) {
    form.elements.language.value = language;
    saveDraft();
  }
});
/**
 * Shows the call of the programme chosen, and the form only while a call is open: with one programme the form goes
 * away outside its call; with several it stays, for another programme to be chosen, but cannot be sent.
 */
function showProgrammeCall(calls, now) {
  callOpen = showCall(callBox, calls, now, () => showProgrammeCall({ open: null, next: calls?.next }, new Date().toISOString()));
  callBox.querySelector('h2').id = 'callTitle';
  form.hidden = !callOpen && options.programmes.length === 1;
  sending(false);
}

function programmeCall() {
  const programme = form.elements.programme?.value || options.defaultProgramme;
  showProgrammeCall(options.calls[programme], options.now);
}

if (options) {
  buildForm(form, options);
  form.elements.language.value = document.documentElement.lang;
  if (draft.application) {
    fillForm(form, draft.application);
  }

  checkAsTyped(form, options);
  programmeCall();
  form.elements.programme?.addEventListener('change', programmeCall);
  form.addEventListener('input', saveDraft);
  form.addEventListener('change', saveDraft);
  form.addEventListener('submit', send);
} else {
  form.hidden = true;
  say(['신청서를 불러오지 못했습니다. 잠시 뒤 새로고침해 주세요.', 'The form could not be loaded. Please reload in a moment.']);
}

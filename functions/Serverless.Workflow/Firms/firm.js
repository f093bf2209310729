// The firm's page (GET /firm/{applicationId}#{token}): its application in plain words, what happens next and by when,
// the confirmation, the uploads, the diagnosis, the plan and the experts. The token of the personal link stays in the
// fragment, which the browser never sends; this script sends it as the bearer token of the firm's routes.

import { bilingual, element, setUpLanguage } from './site.js';
import { buildForm, checkAsTyped, checkForm, fillForm, readForm, serverErrors, showErrors } from './application-form.js';

const applicationId = location.pathname.split('/').pop();
const token = location.hash.slice(1);
const root = document.getElementById('application');
const notice = document.getElementById('notice');
let options = null;
let view = null;
let language = 'ko';

// Kept across every rendering of the page, so that a file being chosen or sent, and the answers to the ones sent,
// survive the page being brought up to date.
let uploadForm = null;
let changesForm = null;
const uploadLog = element('ul', { class: 'uploads', id: 'uploads' });

/** Each status in words, and what happens next ({due}: the date of what is pending). */
const statuses = {
  Confirmation: ['신청 확인 대기', 'Waiting for your confirmation',
    '아래 버튼으로 신청을 확인해 주십시오. 확인하기 전에는 신청이 진행되지 않으며, {due}까지 확인하지 않으면 만료됩니다.',
    'Please confirm your application with the button below. Nothing happens until you do; unconfirmed by {due}, it expires.'],
  Submitted: ['접수', 'Received', '지원 자격을 확인하고 있습니다.', 'We are checking that your firm is eligible.'],
  AwaitingDocuments: ['서류 제출 대기', 'Documents needed',
    '아래 서류를 {due}까지 올려 주십시오. 모두 올리면 혁신역량 진단이 시작됩니다.',
    'Please upload the documents below by {due}. Once they are all here, the diagnosis starts.'],
  Ineligible: ['지원 대상 아님', 'Not eligible', '지원 요건에 맞지 않아 신청이 종료되었습니다.', 'Your firm does not meet the programme\'s conditions; the application has ended.'],
  Diagnosed: ['진단 완료', 'Diagnosed', '진단 결과와 지원 계획을 검토위원에게 보냅니다.', 'The diagnosis and the support plan go to a reviewer.'],
  AwaitingReview: ['검토 중', 'In review', '검토위원이 신청서를 검토하고 있습니다 ({due}까지).', 'A reviewer is reviewing your application (until {due}).'],
  ChangesRequested: ['보완 요청', 'Changes requested',
    '검토 의견을 반영한 신청서를 {due}까지 다시 제출해 주십시오. 메일로 받은 안내를 따르시거나 사무국에 문의해 주십시오.',
    'Please send the application again with the reviewer\'s changes by {due}, as your mail explains, or ask the programme office.'],
  Approved: ['승인', 'Approved', '과제마다 전문가를 배정하고 있습니다.', 'Experts are being assigned to each task.'],
  Rejected: ['미선정', 'Not selected', '검토 결과 이번 지원 대상으로 선정되지 않았습니다.', 'After review, your application was not selected.'],
  Matching: ['전문가 배정 중', 'Assigning experts', '과제마다 전문가를 배정하고 있습니다.', 'Experts are being assigned to each task.'],
  Unmatched: ['전문가 배정 중', 'Assigning experts', '사무국이 알맞은 전문가를 찾고 있습니다.', 'The programme office is finding the right expert.'],
  InProgress: ['지원 수행 중', 'Support under way', '전문가가 과제를 수행하고 있습니다.', 'The experts are working on your tasks.'],
  AwaitingFeedback: ['만족도 평가 대기', 'Your feedback, please',
    '지원이 얼마나 도움이 되었는지 {due}까지 아래에서 평가해 주십시오.', 'Please tell us below, by {due}, how helpful the support was.'],
  Completed: ['완료', 'Completed', '지원이 모두 끝났습니다. 감사합니다.', 'The support is complete. Thank you.'],
  Expired: ['만료', 'Expired', '기한이 지나 신청이 만료되었습니다. 다시 신청하실 수 있습니다.', 'A deadline passed and the application expired. You may apply again.'],
  Terminated: ['종료', 'Closed', '사무국이 신청을 종료했습니다.', 'The programme office closed the application.'],
  Failed: ['처리 오류', 'Processing error', '처리 중 오류가 생겨 사무국이 확인하고 있습니다.', 'Something went wrong; the programme office is looking into it.'],
};

const uploadAnswers = {
  413: ['파일이 너무 큽니다 (최대 10MB).', 'The file is too large (10 MB at most).'],
  415: ['PDF, PNG, JPEG, DOCX, XLSX, HWP 파일만 올릴 수 있습니다. 파일 형식과 확장자를 확인해 주십시오.', 'Only PDF, PNG, JPEG, DOCX, XLSX and HWP files, with a matching extension, can be uploaded.'],
  409: ['더 이상 서류를 받을 수 없습니다 (신청 종료 또는 20개 초과).', 'No more documents can be taken (the application ended, or it holds 20).'],
  400: ['파일과 서류 종류를 확인해 주십시오.', 'Please check the file and the kind of document.'],
};

/**
 * Shows a message until the next one, in green when it is good news; a message about loading the page goes once the
 * page has loaded.
 */
function say(texts, { aboutLoading = false, good = false } = {}) {
  notice.replaceChildren(bilingual('p', texts));
  notice.hidden = false;
  notice.classList.toggle('good', good);
  notice.dataset.aboutLoading = aboutLoading;
}

function when(at) {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'long', timeStyle: 'short' })
    .format(new Date(at));
}

function label(choices, value) {
  const choice = choices?.find(c => c.value === value);
  return choice ? (language === 'en' ? choice.en : choice.ko) : value;
}

function request(method, path, body) {
  return fetch(path, { method, body, headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
}

async function load() {
  if (!token) {
    say(['이 링크는 완전하지 않습니다. 메일의 링크를 그대로 열어 주십시오.', 'This link is incomplete. Please open the link from your mail as it is.'], { aboutLoading: true });
    return;
  }

  const [answer, told] = await Promise.all([request('GET', `/api/applications/${applicationId}`), options ?? fetch('/api/intake/options')]);
  if (!options) {
    options = await told.json();
  }

  if (answer.status === 404 || answer.status === 401) {
    say(['이 링크는 더 이상 열리지 않습니다 (잘못되었거나 새 링크로 바뀌었거나 보관 기간이 지났습니다). 남동클러스터 기업성장지원 사무국에 문의해 주십시오.',
      'This link no longer opens (it is wrong, was replaced by a newer one, or is past its retention). Please contact the Namdong cluster growth support office.'], { aboutLoading: true });
    root.replaceChildren();
    return;
  }

  if (!answer.ok) {
    say(['잠시 후 다시 열어 주십시오.', 'Please open this page again in a moment.'], { aboutLoading: true });
    return;
  }

  // What the person was just told (confirmed, received, thanks) stays; only a failed load's message goes.
  if (notice.dataset.aboutLoading === 'true') {
    notice.hidden = true;
  }

  view = await answer.json();
  render();
}

function render() {
  const status = view.awaitingConfirmation ? 'Confirmation' : view.status;
  const [ko, en, nextKo, nextEn] = statuses[status] ?? [view.status, view.status, '', ''];
  const due = view.dueAt ? when(view.dueAt) : '';
  const sections = [
    element('section', { class: 'card', 'aria-labelledby': 'statusTitle' },
      element('h2', { id: 'statusTitle' }, language === 'en' ? 'Where your application stands' : '진행 상황'),
      element('p', {}, `${language === 'en' ? 'Receipt number' : '접수번호'}: `, element('strong', {}, view.receiptNumber), ` · ${view.firm.name}`),
      element('p', { class: 'status', id: 'status' }, language === 'en' ? en : ko),
      element('p', { id: 'next' }, (language === 'en' ? nextEn : nextKo).replace('{due}', due)),
      view.awaitingConfirmation ? confirmButton() : null),
  ];
  if (view.status === 'ChangesRequested' || view.status === 'Rejected') {
    const comment = [...view.timeline].reverse().find(entry => entry.status === view.status)?.note;
    if (comment) {
      sections.push(element('section', { class: 'card' }, element('h2', {}, language === 'en' ? "The reviewer's comment" : '검토 의견'), element('p', { class: 'comment' }, comment)));
    }
  }

  if (view.status === 'AwaitingFeedback') {
    sections.push(feedback());
  }

  if (view.status === 'ChangesRequested') {
    changesForm ??= changes();
    sections.push(changesForm);
  }

  if (view.missingDocuments.length > 0 && !view.awaitingConfirmation && ['Submitted', 'AwaitingDocuments'].includes(view.status)) {
    uploadForm ??= uploads();
    sections.push(element('section', { class: 'card', 'aria-labelledby': 'uploadTitle' },
      element('h2', { id: 'uploadTitle' }, language === 'en' ? 'Documents still needed' : '제출할 서류'),
      element('ul', { id: 'missing' }, ...view.missingDocuments.map(missing => element('li', {}, label(options.documentKinds, missing)))),
      uploadForm));
  }

  if (uploadLog.children.length > 0) {
    sections.push(element('section', { class: 'card', 'aria-labelledby': 'uploadedTitle' },
      element('h2', { id: 'uploadedTitle' }, language === 'en' ? 'Files sent from this page' : '이 페이지에서 보낸 파일'), uploadLog));
  }

  if (view.diagnosis) {
    sections.push(diagnosis(view.diagnosis));
  }

  if (view.plan) {
    sections.push(plan(view.plan));
  }

  if (view.assignments) {
    sections.push(element('section', { class: 'card' }, element('h2', {}, language === 'en' ? 'Experts' : '전문가'),
      element('ul', {}, ...view.assignments.map(a => element('li', {},
        `${a.taskId} · ${a.expertName}${a.reportSummary ? ` · ${a.reportSummary}` : ''}`)))));
  }

  sections.push(element('section', { class: 'card' }, element('h2', {}, language === 'en' ? 'Timeline' : '진행 기록'),
    element('ol', { class: 'timeline' }, ...view.timeline.map(entry => element('li', {},
      element('time', { datetime: entry.at }, when(entry.at)), ` ${language === 'en' ? statuses[entry.status]?.[1] ?? entry.status : statuses[entry.status]?.[0] ?? entry.status}`,
      entry.note ? ` — ${entry.note}` : '')))));
  root.replaceChildren(...sections);
}

function confirmButton() {
  const button = element('button', { type: 'button', id: 'confirm' }, language === 'en' ? 'Confirm my application' : '신청 확인');
  button.addEventListener('click', async () => {
    button.disabled = true;
    const answer = await request('POST', `/api/applications/${applicationId}/confirm`);
    if (answer.ok) {
      say(['신청이 확인되었습니다. 이제 신청이 진행됩니다.', 'Your application is confirmed and now goes ahead.'], { good: true });
      setTimeout(load, 1500);
    } else if (answer.status === 409) {
      say(['이 회사의 다른 신청이 이미 진행 중이거나, 이 신청이 종료되어 확인할 수 없습니다.', 'Another application of your firm is already open, or this one has ended: it cannot be confirmed.']);
    } else {
      button.disabled = false;
      say(['확인하지 못했습니다. 잠시 후 다시 눌러 주십시오.', 'That did not work; please try again in a moment.']);
    }
  });
  return button;
}

/**
 * The application form filled with the current answers, to correct as the reviewer asked and send again (PUT): the
 * same checks as the apply page, and the server's errors at their fields. Made once, so nothing typed is lost.
 */
function changes() {
  const summary = element('div', { class: 'summary', id: 'changesSummary', tabindex: -1, hidden: true },
    bilingual('h2', ['입력 내용을 확인해 주세요', 'Please check what you entered']), element('ul'));
  const button = bilingual('button', ['수정하여 다시 제출', 'Send the corrected application'], { type: 'submit', id: 'resubmit' });
  const form = element('form', { id: 'changes', novalidate: true }, element('div', { class: 'actions' }, button));
  buildForm(form, options);
  fillForm(form, view.form);
  checkAsTyped(form, options);
  const problems = errors => {
    showErrors(form, errors, { summary });
    if (errors.size > 0) {
      summary.focus();
    }

    return errors.size > 0;
  };
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const application = readForm(form);
    if (problems(checkForm(application, options))) {
      return;
    }

    button.disabled = true;
    const answer = await fetch(`/api/applications/${applicationId}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(application),
    });
    button.disabled = false;
    if (answer.status === 202) {
      say(['수정한 신청서가 접수되었습니다. 다시 진단하고 검토합니다.', 'Your corrected application is received; it is diagnosed and reviewed again.'], { good: true });
      changesForm = null;
      await load();
    } else if (answer.status !== 400 || !problems(serverErrors(await answer.json()))) {
      say(['지금은 수정 제출을 받을 수 없습니다 (이미 보냈거나 기한이 지났습니다). 사무국에 문의해 주십시오.',
        'The correction cannot be taken now (it was sent already, or the deadline passed). Please ask the programme office.']);
    }
  });
  return element('section', { class: 'card', 'aria-labelledby': 'changesTitle' },
    element('h2', { id: 'changesTitle' }, language === 'en' ? 'Correct your application' : '신청서 수정'), summary, form);
}

/** The rating (1-5) and a comment, decided with the mailed feedback link: whichever is sent first stands. */
function feedback() {
  const ratings = element('fieldset', { class: 'field' },
    element('legend', {}, language === 'en' ? 'How helpful was the support? (5: very)' : '지원이 얼마나 도움이 되었습니까? (5: 매우 그렇다)'),
    element('div', { class: 'choices' }, ...[1, 2, 3, 4, 5].map(rating => element('div', { class: 'choice' },
      element('input', { type: 'radio', name: 'rating', id: `rating-${rating}`, value: rating, required: true }),
      element('label', { for: `rating-${rating}` }, String(rating))))));
  const comment = element('textarea', { id: 'comment', name: 'comment', maxlength: 1000 });
  const button = element('button', { type: 'submit', id: 'sendFeedback' }, language === 'en' ? 'Send' : '평가 보내기');
  const form = element('form', { id: 'feedback' }, ratings,
    element('div', { class: 'field' }, element('label', { for: 'comment' }, language === 'en' ? 'Comment (optional)' : '의견 (선택)'), comment), button);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    button.disabled = true;
    const answer = await fetch(`/api/applications/${applicationId}/feedback`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: new URLSearchParams(new FormData(form)),
    });
    button.disabled = false;
    say(answer.ok ? ['평가해 주셔서 감사합니다.', 'Thank you for your feedback.']
      : answer.status === 400 ? ['1부터 5까지 하나를 골라 주십시오.', 'Please choose a rating from 1 to 5.']
        : ['이미 평가하셨거나 평가 기간이 지났습니다.', 'The feedback was given already, or its time has passed.'], { good: answer.ok });
    if (answer.ok) {
      setTimeout(load, 1500);
    }
  });
  return element('section', { class: 'card', 'aria-labelledby': 'feedbackTitle' },
    element('h2', { id: 'feedbackTitle' }, language === 'en' ? 'Your feedback' : '만족도 평가'), form);
}

/** The upload form, made once: the kind (the first missing one at first), the files, and a button. */
function uploads() {
  const kind = element('select', { id: 'kind' }, ...options.documentKinds.map(k => element('option', { value: k.value, selected: k.value === view.missingDocuments[0] }, label(options.documentKinds, k.value))));
  const files = element('input', { type: 'file', id: 'files', multiple: true, accept: '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.hwp' });
  const button = bilingual('button', ['올리기', 'Upload'], { type: 'submit' });
  const form = element('form', { id: 'upload' },
    element('div', { class: 'field' }, bilingual('label', ['서류 종류', 'Kind of document'], { for: 'kind' }), kind),
    element('div', { class: 'field' }, bilingual('label', ['파일 (각 10MB 이하)', 'Files (10 MB each at most)'], { for: 'files' }), files),
    button);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    button.disabled = true;
    await Promise.all([...files.files].map(file => upload(file, kind.value)));
    button.disabled = false;
    files.value = '';
    await load();
  });
  return form;
}

/** One file, with a progress bar of its own and the server's answer in words. */
function upload(file, kind) {
  const bar = element('progress', { max: 100, value: 0, 'aria-label': file.name });
  const result = element('span', { class: 'result' });
  uploadLog.append(element('li', {}, `${file.name} `, bar, ' ', result));
  render();
  const body = new FormData();
  body.append('kind', kind);
  body.append('file', file);
  return new Promise(resolve => {
    const sending = new XMLHttpRequest();
    sending.open('POST', `/api/applications/${applicationId}/documents`);
    sending.setRequestHeader('Authorization', `Bearer ${token}`);
    sending.upload.addEventListener('progress', event => {
      if (event.lengthComputable) {
        bar.value = Math.round(100 * event.loaded / event.total);
      }
    });
    sending.addEventListener('loadend', () => {
      const done = sending.status === 201;
      bar.value = done ? 100 : bar.value;
      const [ko, en] = done ? ['올렸습니다.', 'Uploaded.'] : uploadAnswers[sending.status] ?? ['올리지 못했습니다. 다시 시도해 주십시오.', 'The upload failed; please try again.'];
      result.textContent = language === 'en' ? en : ko;
      result.classList.toggle('error', !done);
      resolve();
    });
    sending.send(body);
  });
}

/** Terms of the diagnosis as a definition list: the term, its value, and in a smaller line how it is set. */
function explained(terms) {
  const pick = ([ko, en]) => (language === 'en' ? en : ko);
  return terms.flatMap(([term, value, how]) => [
    element('dt', {}, pick(term)),
    element('dd', {}, element('strong', {}, value), element('span', { class: 'how' }, pick(how)))]);
}

function diagnosis(result) {
  const dimension = d => label(options.selfAssessment, d.dimension);
  return element('section', { class: 'card', 'aria-labelledby': 'diagnosisTitle' },
    element('h2', { id: 'diagnosisTitle' }, language === 'en' ? 'Innovation-capability diagnosis' : '혁신역량 진단'),
    element('dl', { class: 'explained', id: 'diagnosisTerms' }, ...explained([
      [['등급', 'Grade'], `${result.grade} (${result.totalScore}/1000)`, ['총점으로 정합니다. AAA가 가장 높고 D가 가장 낮습니다.', 'Set by the total score: AAA is the highest, D the lowest.']],
      [['성장단계', 'Growth stage'], label(options.growthStages, result.growthStage), ['설립 후 햇수로 정합니다 (초기, 도약, 성장, 성숙).', 'Set by the years since founding (early, leap, growth, mature).']],
      [['기술단계', 'Technology phase'], label(options.technologyPhases, result.technologyPhase), ['기술성숙도(TRL)로 정합니다 (기술개발, 제품화, 시장화).', 'Set by the technology readiness level, TRL (development, productization, commercialization).']],
      [['지원 트랙', 'Support track'], label(options.supportTracks, result.track), ['등급으로 정하며 지원의 방향을 뜻합니다 (글로벌, 성장, 기반).', 'Set by the grade; it says where the support aims (global, growth, foundation).']],
    ])),
    element('table', { class: 'chart', id: 'diagnosisChart' },
      element('caption', {}, language === 'en' ? 'Score against the maximum per dimension, and your self-assessment (1-5)' : '부문별 점수(만점 대비)와 자가진단(1-5)'),
      element('thead', {}, element('tr', {}, ...(language === 'en' ? ['Dimension', 'Score', '', 'Self-assessment'] : ['부문', '점수', '', '자가진단']).map(h => element('th', { scope: 'col' }, h)))),
      element('tbody', {}, ...result.dimensions.map(d => element('tr', {},
        element('th', { scope: 'row' }, dimension(d)),
        element('td', {}, element('meter', { min: 0, max: d.max, value: d.score, 'aria-label': dimension(d) })),
        element('td', {}, `${Math.round(d.score)} / ${Math.round(d.max)}`),
        element('td', {}, `${d.selfAssessment} / 5`))))));
}

function plan(support) {
  const won = amount => `${new Intl.NumberFormat('ko-KR').format(amount)}${language === 'en' ? ' KRW' : '원'}`;
  // Each amount says what it is, so that on a phone, where the rows stand as blocks, it reads without the header.
  const names = language === 'en' ? ['Budget', 'Programme', 'Your firm'] : ['예산', '사업비 지원', '기업 부담'];
  const amounts = (...values) => values.map((value, i) => element('td', { 'data-label': names[i] }, won(value)));
  return element('section', { class: 'card', 'aria-labelledby': 'planTitle' },
    element('h2', { id: 'planTitle' }, language === 'en' ? 'Support plan' : '지원 계획'),
    element('table', { class: 'plan' },
      element('thead', {}, element('tr', {}, ...[language === 'en' ? 'Task' : '과제', language === 'en' ? 'Support' : '지원 내용', ...names].map(h => element('th', { scope: 'col' }, h)))),
      element('tbody', {}, ...support.tasks.map(task => element('tr', {},
        element('th', { scope: 'row' }, task.taskId), element('td', {}, task.description), ...amounts(task.budgetKrw, task.programmeShareKrw, task.firmShareKrw)))),
      element('tfoot', {}, element('tr', {}, element('th', { scope: 'row', colspan: 2 }, language === 'en' ? 'Total' : '합계'),
        ...amounts(support.totalBudgetKrw, support.totalProgrammeShareKrw, support.totalFirmShareKrw)))));
}

setUpLanguage(document.getElementById('lang'), chosen => {
  language = chosen;
  if (view) {
    render();
  }
});
language = document.documentElement.lang === 'en' ? 'en' : 'ko';
load();

// The admin dashboard (GET /dashboard): the funnel and the week's submissions as charts, the list, one application in
// full (what the firm asked for, how it was scored, who works on it, what they reported), and the pools. The admin key
// is asked for once, kept in this tab's session storage and sent in x-functions-key, never in a URL: so files are
// fetched with the key and saved from a blob, not linked. What is shown (filters, the application open) lives in the
// URL's fragment, so a reload or a shared link opens the same view.

import { element, setUpLanguage } from './site.js';

const $ = id => document.getElementById(id);
const keyName = 'adminKey';

/** Every value the API spells in English, in the page's words: [Korean, English]. */
const words = {
  status: {
    Submitted: ['접수', 'Submitted'], AwaitingDocuments: ['서류 대기', 'Awaiting documents'], Ineligible: ['부적격', 'Ineligible'],
    Diagnosed: ['진단 완료', 'Diagnosed'], AwaitingReview: ['검토 대기', 'Awaiting review'], ChangesRequested: ['보완 요청', 'Changes requested'],
    Approved: ['승인', 'Approved'], Rejected: ['반려', 'Rejected'], Matching: ['매칭 중', 'Matching'], Unmatched: ['매칭 실패', 'Unmatched'],
    InProgress: ['수행 중', 'In progress'], AwaitingFeedback: ['만족도 대기', 'Awaiting feedback'], Completed: ['완료', 'Completed'],
    Expired: ['만료', 'Expired'], Terminated: ['종료', 'Terminated'], Failed: ['오류', 'Failed'],
  },
  stage: {
    Intake: ['접수', 'Intake'], Screening: ['요건 심사', 'Screening'], Diagnosis: ['진단', 'Diagnosis'], Review: ['검토', 'Review'],
    Matching: ['전문가 매칭', 'Matching'], Execution: ['과제 수행', 'Execution'], Feedback: ['만족도 평가', 'Feedback'], Closed: ['종결', 'Closed'],
  },
  task: { Offered: ['제안 중', 'Offered'], Unmatched: ['매칭 실패', 'Unmatched'], Active: ['수행 중', 'Active'], Completed: ['완료', 'Completed'] },
  role: { Reviewer: ['검토위원', 'Reviewer'], Escalation: ['상위 검토위원', 'Escalation'] },
  link: { Review: ['검토', 'Review'], AssignmentOffer: ['과제 제안', 'Task offer'], EngagementReport: ['결과 보고', 'Report'], Feedback: ['만족도 평가', 'Feedback'] },
  runtime: {
    Running: ['실행 중', 'Running'], Completed: ['끝남', 'Completed'], Failed: ['실패', 'Failed'], Terminated: ['종료됨', 'Terminated'],
    Suspended: ['일시중지', 'Suspended'], Pending: ['시작 대기', 'Pending'],
  },
  event: {
    DocumentUploaded: ['서류 제출', 'Document uploaded'], ApplicationUpdated: ['신청서 수정', 'Application changed'],
    ExpertAssigned: ['전문가 직접 지정', 'Expert assigned by hand'], ResendRequested: ['링크 재발송', 'Links sent again'],
    HistoryPurged: ['엔진 이력 삭제', 'Engine history purged'], FeedbackGiven: ['만족도 평가', 'Feedback given'],
    Suspended: ['일시중지', 'Suspended'], Resumed: ['재개', 'Resumed'], ReviewDecided: ['검토 결정', 'Review decided'],
    OfferAccepted: ['과제 수락', 'Offer accepted'], OfferDeclined: ['과제 거절', 'Offer declined'], OfferLapsed: ['제안 기한 지남', 'Offer lapsed'],
    ReportSubmitted: ['결과 보고', 'Report submitted'], EngagementOverdue: ['보고 기한 초과', 'Report overdue'],
    MailUncertain: ['메일 발송 불확실', 'Mail uncertain'], MailRejected: ['메일 거부됨', 'Mail rejected'],
  },
};

/** Audit entries that need someone to look: marked in the timeline. */
const troubles = new Set(['EngagementOverdue', 'MailUncertain', 'MailRejected']);

/** The engine's bookkeeping of every replay: nothing an admin reads. */
const engineNoise = new Set(['OrchestratorStarted', 'OrchestratorCompleted']);

let language = 'ko';
let options = null; // the labels of the firm's choices (GET /api/intake/options), shared with the firm's pages
let pageTokens = [null];
const shown = { list: '', detail: '', stats: '' }; // what was drawn last: an unchanged refresh redraws nothing

const say = ([ko, en]) => (language === 'en' ? en : ko);
const word = (kind, value) => (words[kind][value] ? say(words[kind][value]) : value ?? '');
const choice = (list, value) => {
  const found = options?.[list]?.find(c => c.value === value);
  return found ? say([found.ko, found.en]) : value;
};
const locale = () => (language === 'en' ? 'en-GB' : 'ko-KR');
const when = at => new Date(at).toLocaleString(locale(), { timeZone: 'Asia/Seoul', dateStyle: 'medium', timeStyle: 'short' });
const number = (value, digits = 0) => new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
const won = amount => (language === 'en' ? `KRW ${number(amount)}` : `${number(amount)}원`);

// The view: the filters and the application open, in the fragment (#status=…&stage=…&q=…&id=…).

function readState() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  return Object.fromEntries(['status', 'stage', 'q', 'id'].map(name => [name, fragment.get(name) ?? '']));
}

function fragmentOf(state) {
  const fragment = new URLSearchParams(Object.entries(state).filter(([, value]) => value));
  return `#${fragment}`;
}

/** Shows the view with these changes; through the fragment, so that Back and a reload return to it. */
function go(changes) {
  const next = fragmentOf({ ...readState(), ...changes });
  if (next === (location.hash || '#')) {
    show();
  } else {
    location.hash = next;
  }
}

/** Shows the view the fragment names: its filters in the form, its list from the first page, its application. */
function show(focusDetail = false) {
  const state = readState();
  for (const name of ['status', 'stage', 'q']) {
    $(name).value = state[name];
  }

  // The rows of other filters go at once: their links would open the application under those filters.
  $('rows').replaceChildren();
  pageTokens = [null];
  shown.list = shown.detail = '';
  return refresh(focusDetail);
}

// The API, with the key.

async function api(path, init = {}) {
  const response = await fetch(path, { ...init, cache: 'no-store', headers: { ...init.headers, 'x-functions-key': sessionStorage.getItem(keyName) ?? '' } });
  if (response.status === 401 || response.status === 403) {
    sessionStorage.removeItem(keyName);
    showLogin(say(['키가 맞지 않습니다.', 'That key was refused.']));
    throw new Error('unauthorized');
  }

  return response;
}

/** Fetches a file with the key and saves it under its name: a link could not carry the key. */
async function download(path, fileName) {
  const response = await api(path);
  if (!response.ok) {
    alert(say(['내려받지 못했습니다.', 'The download failed.']) + ` (${response.status})`);
    return;
  }

  const link = element('a', { href: URL.createObjectURL(await response.blob()), download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

// Charts: inline SVG, each with its numbers in its accessible name.

function svg(tag, attributes = {}, ...children) {
  const made = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) {
      made.setAttribute(name, String(value));
    }
  }

  made.append(...children);
  return made;
}

/**
 * Horizontal bars, one row per item { label, value, max?, text, key? }: the label, the bar (over a track of max when
 * given) and the number at the right edge. Widths are percentages and text is in pixels, so the chart reads alike on
 * a phone and a desktop, and nothing reaches past its right edge.
 */
function barChart(items, name, onPick) {
  const rowHeight = 28;
  const largest = Math.max(1, ...items.map(item => item.max ?? item.value));
  const chart = svg('svg', { class: 'bars', role: 'img', 'aria-label': name, width: '100%', height: items.length * rowHeight });
  items.forEach((item, i) => {
    const y = i * rowHeight;
    const width = part => `${(part / largest) * 42}%`;
    const row = svg('g', { 'data-key': item.key, class: onPick ? 'pick' : null },
      svg('text', { x: 0, y: y + 18, class: 'label' }, item.label),
      item.max === undefined ? '' : svg('rect', { x: '34%', y: y + 5, width: width(item.max), height: 18, class: 'track' }),
      svg('rect', { x: '34%', y: y + 5, width: width(item.value), height: 18, class: 'bar' }),
      svg('text', { x: '100%', y: y + 18, class: 'value' }, item.text));
    if (onPick) {
      row.addEventListener('click', () => onPick(item.key));
    }

    chart.append(row);
  });
  return chart;
}

/** The ISO week (2026-W49) of a day given as a UTC date, as ApplicationStats counts submissions. */
function isoWeek(day) {
  const thursday = new Date(day);
  thursday.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 4)) / (7 * 86_400_000) + ((new Date(Date.UTC(year, 0, 4)).getUTCDay() + 6) % 7) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The last 12 weeks in Korea, oldest first: { key, monday } with the Monday that starts each. */
function lastWeeks() {
  const today = new Date(Date.now() + 9 * 3_600_000); // Korea's date in the UTC fields
  const monday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - ((today.getUTCDay() + 6) % 7) * 86_400_000;
  return Array.from({ length: 12 }, (_, i) => new Date(monday - (11 - i) * 7 * 86_400_000)).map(day => ({ key: isoWeek(day), monday: day }));
}

function weekChart(byWeek) {
  const weeks = lastWeeks().map(week => ({ ...week, count: byWeek[week.key] ?? 0 }));
  const largest = Math.max(1, ...weeks.map(week => week.count));
  const day = week => `${week.monday.getUTCMonth() + 1}/${week.monday.getUTCDate()}`;
  const name = say(['주별 접수 건수 (월요일 시작): ', 'Submissions per week (from Monday): ']) +
    weeks.map(week => `${day(week)} ${week.count}`).join(', ');
  const chart = svg('svg', { class: 'columns-chart', role: 'img', 'aria-label': name, width: '100%', height: 170 });
  weeks.forEach((week, i) => {
    const height = (week.count / largest) * 110;
    const middle = `${(i + 0.5) * (100 / 12)}%`;
    chart.append(svg('g', { 'data-week': week.key },
      svg('rect', { x: `${i * (100 / 12) + 1.5}%`, y: 135 - height, width: `${100 / 12 - 3}%`, height, class: 'bar' }),
      svg('text', { x: middle, y: 128 - height, class: 'value' }, week.count ? String(week.count) : ''),
      svg('text', { x: middle, y: 155, class: i % 2 ? 'label odd' : 'label' }, day(week))));
  });
  return chart;
}

// The stats, the list.

async function loadStats() {
  const stats = await (await api('/api/admin/stats')).json();
  const drawn = JSON.stringify(stats);
  if (drawn === shown.stats) {
    return;
  }

  shown.stats = drawn;
  const counts = Object.keys(words.status).map(status => ({
    key: status, label: word('status', status), value: stats.byStatus[status] ?? 0, text: number(stats.byStatus[status] ?? 0),
  }));
  const name = say(['상태별 신청 수: ', 'Applications by status: ']) + counts.map(c => `${c.label} ${c.value}`).join(', ');
  $('funnel').replaceChildren(barChart(counts, name, status => go({ status })));
  $('weeks').replaceChildren(weekChart(stats.submittedByWeek ?? {}));
  $('submitted').textContent = number(stats.submitted);
  $('completed').textContent = number(stats.completed);
  $('median').textContent = stats.medianDaysToCompletion === null ? '—' : `${number(stats.medianDaysToCompletion, 1)}${say(['일', ' days'])}`;
  $('slaBreaches').textContent = number(stats.slaBreaches);
  // An older version's branch may go once it has no application in flight (docs/workflow.md, Versions).
  $('inFlightByVersion').textContent = Object.entries(stats.inFlightByVersion).map(([version, count]) => `v${version} ${count}`).join(', ') || '0';
}

/**
 * Says a refused search at its field (the list refuses one letter of a firm name) instead of drawing a list; clears
 * it once a search is taken. True when the list answered.
 */
function showSearchError(response) {
  const refused = response.status === 400;
  $('qError').textContent = refused
    ? say(['접수번호, 사업자등록번호 또는 기업명 두 글자 이상을 입력하세요.', 'Enter a receipt number, a business registration number or at least two letters of a firm name.'])
    : '';
  $('q').toggleAttribute('aria-invalid', refused);
  if (!refused && !response.ok) {
    throw new Error(`list: ${response.status}`);
  }

  return !refused;
}

function query(token) {
  const state = readState();
  const parameters = new URLSearchParams({ pageSize: '20' });
  for (const name of ['status', 'stage', 'q']) {
    if (state[name]) {
      parameters.set(name, state[name]);
    }
  }

  if (token) {
    parameters.set('continuationToken', token);
  }

  return parameters;
}

async function loadList() {
  const response = await api(`/api/admin/applications?${query(pageTokens.at(-1))}`);
  if (!showSearchError(response)) {
    return;
  }

  const page = await response.json();
  const state = readState();
  const drawn = JSON.stringify([page, state.id, language]);
  if (drawn === shown.list) {
    return;
  }

  shown.list = drawn;
  $('rows').replaceChildren(...page.items.map(item => {
    const href = fragmentOf({ ...state, id: item.applicationId });
    const row = element('tr', { class: item.slaBreached ? 'breach' : null, 'data-id': item.applicationId, 'aria-current': item.applicationId === state.id ? 'true' : null },
      element('th', { scope: 'row' }, element('a', { href }, item.receiptNumber)),
      element('td', {}, item.firmName),
      element('td', { 'data-status': item.status }, word('status', item.status)),
      element('td', { 'data-stage': item.stage }, word('stage', item.stage)),
      element('td', {}, when(item.submittedAt)),
      element('td', {}, item.slaBreached ? element('span', { class: 'badge bad' }, say(['기한 초과', 'Overdue'])) : ''),
      element('td', {}, `v${item.workflowVersion}`));
    // The whole row opens the application for a mouse; the receipt number is the link for the keyboard.
    row.addEventListener('click', event => {
      if (!event.target.closest('a')) {
        location.hash = href;
      }
    });
    return row;
  }));
  $('empty').hidden = page.items.length > 0;
  $('next').disabled = !page.continuationToken;
  $('next').onclick = () => {
    pageTokens.push(page.continuationToken);
    loadList();
  };
}

// One application.

const section = (id, title, ...content) =>
  element('section', { class: 'card', id, 'aria-labelledby': `${id}Title` }, element('h3', { id: `${id}Title` }, say(title)), ...content);

/** A wide table's box, which scrolls sideways on a phone: focusable and named, so it scrolls from the keyboard too. */
const scroller = (name, content) => element('div', { class: 'scroll', role: 'region', tabindex: 0, 'aria-label': say(name) }, content);

/** The heading row; a heading [ko, en, 'amount'] stands over amounts, aligned as they are. */
const headingRow = headings => element('thead', {}, element('tr', {},
  ...headings.map(([ko, en, kind]) => element('th', { scope: 'col', class: kind ?? null }, say([ko, en])))));

const table = (name, headings, rows, attributes = {}) => scroller(name, element('table', attributes, headingRow(headings), element('tbody', {}, ...rows)));

const facts = pairs => element('dl', { class: 'facts' },
  ...pairs.filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([name, value]) => element('div', {}, element('dt', {}, say(name)), element('dd', {}, value))));

function profile(form) {
  const { firm, technology } = form;
  return section('profile', ['기업 정보', 'The firm'], facts([
    [['기업명', 'Name'], firm.name], [['대표자', 'Representative'], firm.representative],
    [['사업자등록번호', 'Business registration no.'], firm.businessRegistrationNumber], [['설립일', 'Founded'], firm.foundedOn],
    [['업종 (KSIC)', 'Industry (KSIC)'], firm.industryCode], [['미니클러스터', 'Mini-cluster'], firm.miniCluster],
    [['임직원', 'Employees'], `${number(firm.employees)} (${say(['기술 인력', 'technical'])} ${number(firm.technicalStaff)})`],
    [['이메일', 'Email'], firm.email], [['전화', 'Phone'], firm.phone], [['주소', 'Address'], firm.address],
    [['기술성숙도 (TRL)', 'Technology readiness (TRL)'], String(technology.trl)], [['특허', 'Patents'], number(technology.patents)],
    [['기업부설연구소', 'Research lab'], say(technology.hasResearchLab ? ['있음', 'Yes'] : ['없음', 'No'])],
    [['인증', 'Certifications'], (technology.certifications ?? []).map(c => choice('certifications', c)).join(', ')],
  ]));
}

function financials(form) {
  const title = ['재무 현황', 'Financials'];
  return section('financials', title, table(title,
    [['연도', 'Year'], ['매출액', 'Revenue', 'amount'], ['수출액', 'Exports', 'amount'], ['연구개발비', 'R&D spend', 'amount']],
    [...form.financials].sort((a, b) => a.year - b.year).map(year => element('tr', {},
      element('th', { scope: 'row' }, String(year.year)),
      ...[year.revenueKrw, year.exportKrw, year.rdSpendKrw].map(amount => element('td', { class: 'amount' }, won(amount))))),
    { class: 'money' }));
}

function difficulties(form) {
  return section('difficulties', ['애로사항', 'Difficulties'], element('ul', { class: 'plain' },
    ...form.difficulties.map(d => element('li', {}, element('strong', {}, choice('difficultyCategories', d.category)), ' ', element('span', { class: 'comment' }, d.description)))));
}

function documents(view) {
  const missing = view.missingDocuments.length
    ? element('p', { class: 'help' }, `${say(['아직 없는 서류', 'Still missing'])}: ${view.missingDocuments.map(kind => choice('documentKinds', kind)).join(', ')}`)
    : null;
  return section('documents', ['제출 서류', 'Documents'],
    view.documents.length ? element('ul', { class: 'plain files' }, ...view.documents.map(d => element('li', {},
      element('span', {}, element('strong', {}, choice('documentKinds', d.kind)), ` ${d.fileName} · ${number(Math.ceil(d.sizeBytes / 1024))} KB · ${when(d.uploadedAt)}`),
      fileButton(`/api/admin/applications/${view.applicationId}/documents/${d.documentId}`, d.fileName))))
      : element('p', { class: 'help' }, say(['올린 서류가 없습니다.', 'No document yet.'])),
    missing);
}

function fileButton(path, fileName) {
  const button = element('button', { type: 'button', class: 'secondary small', 'aria-label': `${fileName} ${say(['내려받기', 'download'])}` }, say(['내려받기', 'Download']));
  button.addEventListener('click', () => download(path, fileName));
  return button;
}

function diagnosis(result) {
  const dimension = d => choice('selfAssessment', d.dimension);
  const score = d => `${number(d.score, 1)} / ${number(d.max, 1)}`;
  const name = say(['영역별 진단 점수 (점수 / 만점): ', 'Diagnosis by dimension (score / maximum): ']) +
    result.dimensions.map(d => `${dimension(d)} ${score(d)}`).join(', ');
  return section('diagnosis', ['혁신역량 진단', 'Diagnosis'], element('div', { class: 'columns' },
    facts([
      [['총점 · 등급', 'Total · grade'], `${number(result.totalScore)} · ${result.grade}`],
      [['성장단계', 'Growth stage'], choice('growthStages', result.growthStage)],
      [['기술단계', 'Technology phase'], choice('technologyPhases', result.technologyPhase)],
      [['지원 트랙', 'Support track'], choice('supportTracks', result.track)],
      [['진단일', 'Diagnosed'], when(result.diagnosedAt)],
    ]),
    element('div', { class: 'chart' }, barChart(result.dimensions.map(d => ({ key: d.dimension, label: dimension(d), value: d.score, max: d.max, text: score(d) })), name))));
}

function plan(support) {
  const amounts = (...values) => values.map(value => element('td', { class: 'amount' }, won(value)));
  const title = ['지원 계획', 'Support plan'];
  return section('plan', title,
    element('p', { class: 'help' }, `${say(['사업비 지원율', 'Programme share'])} ${number(support.programmeShareRate * 100)}%`),
    scroller(title, element('table', { class: 'money' },
      headingRow([['과제', 'Task'], ['지원 내용', 'Support'], ['예산', 'Budget', 'amount'], ['사업비 지원', 'Programme', 'amount'], ['기업 부담', 'Firm', 'amount']]),
      element('tbody', {}, ...support.tasks.map(task => element('tr', {},
        element('th', { scope: 'row' }, task.taskId),
        element('td', {}, element('strong', {}, choice('difficultyCategories', task.category)), ` ${task.description}`),
        ...amounts(task.budgetKrw, task.programmeShareKrw, task.firmShareKrw)))),
      element('tfoot', {}, element('tr', {}, element('th', { scope: 'row', colspan: 2 }, say(['합계', 'Total'])),
        ...amounts(support.totalBudgetKrw, support.totalProgrammeShareKrw, support.totalFirmShareKrw))))));
}

function tasks(view) {
  const title = ['과제 배정과 결과', 'Assignments and reports'];
  return section('tasks', title, table(title,
    [['과제', 'Task'], ['전문가', 'Expert'], ['상태', 'Status'], ['결과 보고', 'Report']],
    view.tasks.map(task => element('tr', { class: task.slaBreached ? 'breach' : null },
      element('th', { scope: 'row' }, task.taskId, element('span', { class: 'help block' }, choice('difficultyCategories', task.category))),
      element('td', {}, task.expertName ?? '—', task.acceptedAt ? element('span', { class: 'help block' }, `${say(['수락', 'accepted'])} ${when(task.acceptedAt)}`) : null),
      element('td', { 'data-status': task.status }, word('task', task.status),
        task.slaBreached ? element('span', { class: 'badge bad' }, say(['기한 초과', 'Overdue'])) : null),
      element('td', {}, element('span', { class: 'comment' }, task.reportSummary ?? '—'),
        task.completedAt ? element('span', { class: 'help block' }, when(task.completedAt)) : null,
        task.reportFileName ? fileButton(`/api/admin/applications/${view.applicationId}/tasks/${task.taskId}/report`, task.reportFileName) : null)))));
}

function feedback(given) {
  return section('feedback', ['기업 만족도', 'The firm\'s feedback'], given
    ? facts([[['평점', 'Rating'], `${given.rating} / 5`], [['의견', 'Comment'], given.comment], [['평가일', 'Given'], when(given.at)]])
    : element('p', { class: 'help' }, say(['아직 평가가 없습니다.', 'No feedback yet.'])));
}

/** The audit trail in words: each status change as "from → to", each other entry by what it was. */
function timeline(events) {
  return section('timelineCard', ['진행 이력', 'Timeline'], element('ol', { class: 'timeline', id: 'timeline' }, ...events.map(e => element('li', { 'data-status': e.toStatus, class: troubles.has(e.type) || e.toStatus === 'Failed' ? 'trouble' : null },
    element('time', { datetime: e.at }, when(e.at)), ' ',
    element('strong', {}, e.toStatus ? (e.fromStatus && e.fromStatus !== e.toStatus ? `${word('status', e.fromStatus)} → ${word('status', e.toStatus)}` : word('status', e.toStatus)) : word('event', e.type)),
    ` · ${e.actor}`, e.note ? element('span', { class: 'comment block' }, e.note) : null))));
}

function pendingLinks(links) {
  return section('linksCard', ['열려 있는 링크', 'Open links'], links.length
    ? element('ul', { class: 'plain', id: 'links' }, ...links.map(link => element('li', { 'data-purpose': link.purpose },
      element('strong', {}, word('link', link.purpose)), ` · ${link.actor}`, link.expiresAt ? ` · ${say(['만료', 'expires'])} ${when(link.expiresAt)}` : '')))
    : element('p', { class: 'help', id: 'links' }, say(['없습니다.', 'None.'])));
}

/** The engine's history: each task by its name, failures marked in words and colour. */
function history(events) {
  const title = ['엔진 이력', 'Engine history'];
  return section('historyCard', title, table(title,
    [['시각', 'Time'], ['사건', 'Event'], ['작업', 'Task or event'], ['실패 사유', 'Failure']],
    events.filter(e => !engineNoise.has(e.eventType)).map(e => {
      const failed = e.eventType.includes('Failed') || e.failure;
      return element('tr', { class: failed ? 'failed' : null },
        element('td', {}, new Date(e.timestamp).toLocaleTimeString(locale(), { timeZone: 'Asia/Seoul' })),
        element('td', {}, failed ? element('span', { class: 'badge bad' }, say(['실패', 'Failed'])) : null, ` ${e.eventType}`),
        element('td', {}, e.name ?? ''), element('td', {}, e.failure ?? ''));
    }), { id: 'history' }));
}

async function loadDetail(id, focus = false) {
  const response = await api(`/api/admin/applications/${encodeURIComponent(id)}`);
  if (!response.ok) {
    $('detail').hidden = true;
    return;
  }

  const view = await response.json();
  const drawn = JSON.stringify([view, language]);
  if (drawn !== shown.detail) {
    shown.detail = drawn;
    renderDetail(view);
  }

  $('detail').hidden = false;
  if (focus) {
    $('detail').focus();
  }
}

function renderDetail(view) {
  const actions = [['terminate', ['종료', 'Terminate']], ['suspend', ['일시중지', 'Suspend']], ['resume', ['재개', 'Resume']],
    ['retry', ['재시도', 'Retry']], ['resend', ['링크 재발송', 'Resend link']], ['purge', ['엔진 이력 삭제', 'Purge history']]]
    .map(([action, name]) => {
      const button = element('button', { type: 'button', class: 'secondary', 'data-action': action }, say(name));
      button.addEventListener('click', () => act(view.applicationId, action));
      return button;
    });
  const head = element('div', { class: 'card head' },
    element('h2', { id: 'detailTitle' }, `${view.receiptNumber} · ${view.firm.name}`),
    element('p', { class: 'status' }, element('span', { id: 'detailStatus', 'data-status': view.status }, word('status', view.status)),
      element('span', { class: 'help' }, ` · ${word('stage', view.stage)} · ${say(['엔진', 'Engine'])} ${view.orchestration ? word('runtime', view.orchestration.runtimeStatus) : '—'}`)),
    facts([[['접수', 'Submitted'], when(view.submittedAt)], [['최근 변경', 'Updated'], when(view.updatedAt)], [['기한', 'Due'], view.dueAt ? when(view.dueAt) : null]]),
    element('div', { class: 'buttons' }, ...actions, element('span', { id: 'actionResult', class: 'help', role: 'status' })),
    element('p', {}, element('a', { href: fragmentOf({ ...readState(), id: '' }) }, say(['상세 닫기', 'Close the application']))));
  $('detail').replaceChildren(...[head,
    element('div', { class: 'columns' }, profile(view.form), element('div', {}, financials(view.form), difficulties(view.form))),
    documents(view),
    view.diagnosis ? diagnosis(view.diagnosis) : null,
    view.plan ? plan(view.plan) : null,
    view.tasks.length ? tasks(view) : null,
    feedback(view.feedback),
    element('div', { class: 'columns' }, timeline(view.events), pendingLinks(view.pendingLinks)),
    history(view.history)].filter(Boolean));
}

async function act(applicationId, action) {
  const path = `/api/admin/applications/${encodeURIComponent(applicationId)}`;
  let response;
  if (action === 'purge') {
    response = await api(`${path}/history`, { method: 'DELETE' });
  } else if (action === 'resend') {
    response = await api(`${path}/resend`, { method: 'POST' });
  } else {
    const reason = prompt(say(['사유를 입력해 주십시오', 'Reason?']));
    if (!reason) {
      return;
    }

    response = await api(`${path}/${action}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reason }) });
  }

  const result = response.ok ? say(['요청되었습니다.', 'Done.']) : `${response.status} ${(await response.json()).detail ?? ''}`;
  await refresh();
  $('actionResult').textContent = result;
}

// The calls for applications and their budgets.

const callStates = { Upcoming: ['예정', 'Upcoming'], Open: ['접수 중', 'Open'], Closed: ['마감', 'Closed'] };

async function loadCalls() {
  const calls = await (await api('/api/admin/calls')).json();
  $('callsEmpty').hidden = calls.length > 0;
  const picked = $('reportCall').value;
  $('reportCall').replaceChildren($('reportCall').options[0], ...calls.map(call => element('option', { value: call.callId }, say([call.title.ko, call.title.en]))));
  $('reportCall').value = picked;
  $('calls').replaceChildren(...calls.map(call => element('tr', {},
    element('th', { scope: 'row' }, say([call.title.ko, call.title.en])),
    element('td', {}, `${when(call.opensAt)} – ${when(call.closesAt)}`),
    element('td', {}, say(callStates[call.state]) + (call.closedEarly ? say([' (조기 마감)', ' (closed early)']) : '')),
    element('td', { class: 'amount' }, call.maxApplications ? `${number(call.applications)}/${number(call.maxApplications)}` : number(call.applications)),
    ...[call.budgetKrw, call.committedKrw, call.spentKrw, call.leftKrw].map(amount => element('td', { class: 'amount' }, won(amount))),
    callButtons(call))));
}

/** Raise or lower the budget (asked for), or close an open call now: the call is sent back as it reads, with that changed. */
function callButtons(call) {
  const change = async changes => {
    const response = await api(`/api/admin/calls/${call.callId}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...call, ...changes }) });
    $('callResult').textContent = response.ok ? say(['변경되었습니다.', 'Changed.']) : `${response.status} ${(await response.json()).detail ?? ''}`;
    loadCalls();
  };
  const title = say([call.title.ko, call.title.en]);
  const budget = element('button', { type: 'button', class: 'secondary small', 'aria-label': `${title} ${say(['예산 변경', 'change budget'])}` }, say(['예산 변경', 'Budget']));
  budget.addEventListener('click', () => {
    const value = prompt(say(['새 예산 (원)', 'New budget (won)']), String(call.budgetKrw));
    if (value !== null) {
      change({ budgetKrw: Number(value.replace(/[^0-9]/g, '')) });
    }
  });
  const buttons = [budget];
  if (call.state === 'Open') {
    const close = element('button', { type: 'button', class: 'secondary small', 'aria-label': `${title} ${say(['조기 마감', 'close now'])}` }, say(['조기 마감', 'Close now']));
    close.addEventListener('click', () => confirm(say(['지금 마감할까요? 이후로는 신청을 받지 않습니다.', 'Close now? No application is taken after.'])) && change({ closeNow: true }));
    buttons.push(close);
  }

  return element('td', { class: 'buttons' }, ...buttons);
}

/** A datetime-local value read as Korea time, whatever the browser's zone. */
const koreaTime = value => `${value}:00+09:00`;

$('callForm').addEventListener('submit', async event => {
  event.preventDefault();
  const response = await api('/api/admin/calls', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({
      programme: options.defaultProgramme, title: { ko: $('callTitleKo').value, en: $('callTitleEn').value },
      opensAt: koreaTime($('callOpens').value), closesAt: koreaTime($('callCloses').value), budgetKrw: Number($('callBudget').value.replace(/[^0-9]/g, '')),
    }),
  });
  const answer = await response.json();
  $('callResult').textContent = response.ok ? say(['등록되었습니다.', 'Opened.'])
    : `${response.status} ${answer.detail ?? ''} ${Object.entries(answer.errors ?? {}).map(([path, messages]) => `${path}: ${messages.join(' ')}`).join('; ')}`;
  if (response.ok) {
    event.target.reset();
  }

  loadCalls();
});

// The outcome report of a year or a call, printable on its own.

const sectorWords = { Industry: ['산 (산업계)', 'Industry'], Academia: ['학 (학계)', 'Academia'], Research: ['연 (연구기관)', 'Research'], Government: ['관 (공공기관)', 'Government'], Unknown: ['미상', 'Unknown'] };

function reportQuery() {
  return $('reportCall').value ? `callId=${encodeURIComponent($('reportCall').value)}` : `year=${encodeURIComponent($('reportYear').value.trim())}`;
}

/** A chart of counts, its numbers in its name; an empty table says so instead. */
function countChart(title, counts, label = key => key) {
  const items = Object.entries(counts).map(([key, value]) => ({ key, label: label(key), value, text: number(value) }));
  const name = `${say(title)}: ${items.map(item => `${item.label} ${item.value}`).join(', ')}`;
  return element('figure', { class: 'chart' }, element('figcaption', {}, say(title)),
    items.length ? barChart(items, name) : element('p', { class: 'help' }, say(['없음', 'None'])));
}

async function loadReport() {
  const response = await api(`/api/admin/reports/outcomes?${reportQuery()}`);
  const answer = await response.json();
  if (!response.ok) {
    $('reportError').textContent = answer.detail ?? Object.values(answer.errors ?? {}).flat().join(' ');
    $('reportBody').replaceChildren();
    return;
  }

  $('reportError').textContent = '';
  const budget = answer.budget;
  const days = value => (value === null ? '—' : `${number(value, 1)}${say(['일', ' days'])}`);
  const feedback = answer.feedback;
  const supportType = type => {
    const named = answer.supportTypes.find(s => s.value === type);
    return named ? say([named.ko, named.en]) : type;
  };
  $('reportBody').replaceChildren(
    element('h3', {}, answer.scope.calls.map(call => say([call.title.ko, call.title.en])).join(', ')),
    element('dl', { class: 'figures' }, ...[
      [['신청', 'Applications'], number(answer.applications)], [['지원 기업', 'Firms supported'], number(answer.firmsSupported)],
      [['예산', 'Budget'], won(budget.budgetKrw)], [['약정', 'Committed'], won(budget.committedKrw)], [['집행', 'Spent'], won(budget.spentKrw)],
      [['평균 만족도', 'Average rating'], feedback.averageRating === null ? '—' : `${number(feedback.averageRating, 2)} / 5`],
      [['응답률', 'Response rate'], feedback.responseRate === null ? '—' : `${number(feedback.responseRate * 100, 1)}% (${feedback.responses}/${feedback.asked})`],
      [['승인까지 (중앙값)', 'Days to approval (median)'], days(answer.medianDaysToApproval)],
      [['완료까지 (중앙값)', 'Days to completion (median)'], days(answer.medianDaysToCompletion)],
      [['보고 기한 초과', 'SLA breaches'], number(answer.slaBreaches)],
    ].map(([term, value]) => element('div', {}, element('dt', {}, say(term)), element('dd', {}, value)))),
    element('div', { class: 'columns' },
      countChart(['상태별 신청', 'Applications by status'], answer.byStatus, key => word('status', key)),
      countChart(['미니클러스터별 신청', 'Applications by mini-cluster'], answer.byMiniCluster),
      countChart(['성장단계별 신청', 'Applications by growth stage'], answer.byGrowthStage, key => choice('growthStages', key)),
      countChart(['트랙별 신청', 'Applications by track'], answer.byTrack, key => choice('supportTracks', key)),
      countChart(['지원유형별 수행 과제', 'Tasks carried out by support type'], answer.tasksBySupportType, supportType),
      countChart(['산·학·연·관별 수행 과제', 'Tasks carried out by expert sector'], answer.tasksBySector, key => say(sectorWords[key] ?? [key, key]))),
    table(['지원유형별 예산', 'Budget by support type'], [['지원 유형', 'Support type'], ['약정', 'Committed', 'amount'], ['집행', 'Spent', 'amount']],
      Object.entries(budget.bySupportType).map(([type, amounts]) => element('tr', {},
        element('td', {}, supportType(type)), element('td', { class: 'amount' }, won(amounts.committedKrw)), element('td', { class: 'amount' }, won(amounts.spentKrw))))));
}

$('reportForm').addEventListener('submit', event => {
  event.preventDefault();
  loadReport();
});
$('reportXlsx').addEventListener('click', () => download(`/api/admin/reports/outcomes.xlsx?${reportQuery()}`, 'outcomes.xlsx'));
$('reportPrint').addEventListener('click', () => window.print());

// The pools.

async function loadPools() {
  const [experts, reviewers] = await Promise.all([api('/api/admin/experts'), api('/api/admin/reviewers')].map(async r => (await r).json()));
  $('experts').replaceChildren(...experts.map(expert => element('tr', {},
    element('td', {}, expert.name), element('td', {}, expert.fields.map(f => choice('difficultyCategories', f)).join(', ')),
    element('td', {}, `${expert.activeAssignments}/${expert.maxActiveAssignments}`),
    memberButtons(`/api/admin/experts/${expert.expertId}`, expert, ['name', 'fields', 'maxActiveAssignments']))));
  $('reviewers').replaceChildren(...reviewers.map(reviewer => element('tr', {},
    element('td', {}, reviewer.name), element('td', {}, word('role', reviewer.role)), element('td', {}, String(reviewer.pendingReviews)),
    memberButtons(`/api/admin/reviewers/${reviewer.reviewerId}`, reviewer, ['name', 'role']))));
}

/**
 * A cell with the member's buttons: edit (asks for each editable field, then PUTs the member) and activate/deactivate
 * (PUTs the member with `active` flipped). The read-only counts are left out of what is sent.
 */
function memberButtons(path, member, editableFields) {
  const { activeAssignments, totalAssignments, pendingReviews, expertId, reviewerId, ...editable } = member;
  const save = async changes => {
    const response = await api(path, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...editable, ...changes }) });
    if (!response.ok) {
      alert((await response.json()).detail ?? response.status);
    }

    loadPools();
  };
  const edit = element('button', { type: 'button', class: 'secondary small', 'aria-label': `${member.name} ${say(['수정', 'edit'])}` }, say(['수정', 'Edit']));
  edit.addEventListener('click', () => {
    const changes = {};
    for (const field of editableFields) {
      const list = Array.isArray(editable[field]);
      const value = prompt(field, list ? editable[field].join(',') : String(editable[field]));
      if (value === null) {
        return;
      }

      changes[field] = list ? value.split(',').map(v => v.trim()) : typeof editable[field] === 'number' ? Number(value) : value;
    }

    save(changes);
  });
  const flip = element('button', { type: 'button', class: 'secondary small', 'aria-label': `${member.name} ${say(member.active ? ['비활성화', 'deactivate'] : ['활성화', 'activate'])}` },
    say(member.active ? ['비활성화', 'Deactivate'] : ['활성화', 'Activate']));
  flip.addEventListener('click', () => save({ active: !member.active }));
  return element('td', { class: 'buttons' }, edit, flip);
}

async function addMember(path, body) {
  const response = await api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) {
    alert((await response.json()).detail ?? response.status);
  }

  loadPools();
}

// The page.

async function refresh(focusDetail = false) {
  try {
    options ??= await (await fetch('/api/intake/options')).json();
    const id = readState().id;
    if (!id) {
      $('detail').hidden = true;
    }

    await Promise.all([loadStats(), loadCalls(), loadList(), loadPools(), id ? loadDetail(id, focusDetail) : null]);
  } catch (e) {
    if (e.message !== 'unauthorized') {
      console.error(e);
    }
  }
}

function showLogin(message) {
  $('login').hidden = false;
  $('app').hidden = true;
  $('logout').hidden = true;
  $('keyError').textContent = message ?? '';
  $('key').focus();
}

function showApp() {
  $('login').hidden = true;
  $('app').hidden = false;
  $('logout').hidden = false;
  show();
}

function fillChoices() {
  for (const [kind, select] of [['status', $('status')], ['stage', $('stage')]]) {
    const chosen = select.value;
    select.replaceChildren(select.options[0], ...Object.keys(words[kind]).map(value => element('option', { value }, word(kind, value))));
    select.value = chosen;
  }
}

$('keyForm').addEventListener('submit', event => {
  event.preventDefault();
  sessionStorage.setItem(keyName, $('key').value);
  $('key').value = '';
  showApp();
});
$('logout').addEventListener('click', () => {
  sessionStorage.removeItem(keyName);
  showLogin();
});
$('filters').addEventListener('submit', event => {
  event.preventDefault();
  go({ status: $('status').value, stage: $('stage').value, q: $('q').value.trim() });
});
$('first').addEventListener('click', () => {
  pageTokens = [null];
  loadList();
});
$('csv').addEventListener('click', () => download(`/api/admin/applications.csv?${query(null)}`, 'applications.csv'));
$('expertForm').addEventListener('submit', event => {
  event.preventDefault();
  addMember('/api/admin/experts', { name: $('expertName').value, email: $('expertEmail').value, sector: 'Industry',
    fields: $('expertFields').value.split(',').map(f => f.trim()), yearsOfExperience: 0, maxActiveAssignments: 2, language });
});
$('reviewerForm').addEventListener('submit', event => {
  event.preventDefault();
  addMember('/api/admin/reviewers', { name: $('reviewerName').value, email: $('reviewerEmail').value, role: 'Reviewer', language });
});
// An application opened from the list takes the focus, so a keyboard or a screen reader lands on what was opened.
let opened = readState().id;
window.addEventListener('hashchange', () => {
  const id = readState().id;
  if (sessionStorage.getItem(keyName)) {
    show(id !== '' && id !== opened);
  }

  opened = id;
});
setInterval(() => {
  if ($('auto').checked && sessionStorage.getItem(keyName)) {
    refresh();
  }
}, 10_000);

setUpLanguage($('lang'), chosen => {
  language = chosen;
  fillChoices();
  shown.list = shown.detail = shown.stats = '';
  if (sessionStorage.getItem(keyName)) {
    refresh();
  }
});
language = document.documentElement.lang === 'en' ? 'en' : 'ko';
fillChoices();
$('reportYear').value = String(new Date(Date.now() + 9 * 3_600_000).getUTCFullYear()); // this year in Korea
if (sessionStorage.getItem(keyName)) {
  showApp();
} else {
  showLogin();
}

// The application of POST /api/applications as a form, for every page that asks a firm for one (the apply page; the
// firm's own page when a reviewer asks for changes): build it from GET /api/intake/options, fill it from an
// application's JSON, read it back as the request, and check it as the server will (Applications/ApplicationValidator.cs),
// each problem at the JSON path the server would name. Every field sits in a wrapper whose data-path is that path; its
// control's id is the path with its punctuation as hyphens, after "f-" (firm.name → f-firm-name).

import { bilingual, element } from './site.js';

const required = ['필수 항목입니다.', 'Required.'];

/** Each list section (financials, difficulties) → its description and bounds. */
const lists = new WeakMap();

const trlLevels = [
  ['기초 이론·실험', 'Basic principles observed'],
  ['개념 정립', 'Technology concept formulated'],
  ['실험실 기본성능 검증', 'Basic performance proven in the laboratory'],
  ['실험실 핵심성능 평가', 'Key performance evaluated in the laboratory'],
  ['시작품 제작·성능평가', 'Prototype built and evaluated'],
  ['파일럿 규모 시작품', 'Pilot-scale prototype'],
  ['신뢰성·수요기업 평가', 'Reliability proven, evaluated by customers'],
  ['시제품 인증·표준화', 'Product certified and standardised'],
  ['양산·사업화', 'In mass production, on the market'],
];

const dimensionHelp = {
  rnd: ['연구 인력, 과제 수행 경험, 기술 축적', 'Researchers, project experience, know-how built up'],
  commercialization: ['기술을 제품으로 만들어 파는 힘', 'Turning technology into products that sell'],
  marketing: ['판로, 고객, 브랜드', 'Sales channels, customers, brand'],
  people: ['채용, 교육, 조직', 'Hiring, training, organisation'],
  finance: ['자금 조달과 재무 건전성', 'Funding and financial health'],
  management: ['전략, 관리 체계, 인증', 'Strategy, management systems, certification'],
};

/** The form's sections and fields; selects and radios take their choices from the options. */
function sections(options) {
  const programmes = options.programmes.length > 1
    ? [{ path: 'programme', label: ['지원 사업', 'Programme'], help: ['신청할 사업', 'The programme applied to'], kind: 'select',
      choices: options.programmes.map(p => ({ value: p, label: [p, p] })) }]
    : [];
  return [
    {
      path: 'firm', title: ['회사 정보', 'Company'], fields: [
        ...programmes,
        { path: 'firm.businessRegistrationNumber', label: ['사업자등록번호', 'Business registration number'],
          help: ['숫자 10자리. 하이픈은 넣어도(124-81-00998) 빼도(1248100998) 됩니다.', '10 digits, with hyphens (124-81-00998) or without (1248100998).'],
          kind: 'text', attributes: { inputmode: 'numeric', autocomplete: 'off', class: 'short' } },
        { path: 'firm.name', label: ['기업명', 'Firm name'], help: ['사업자등록증에 적힌 상호', 'As written on the business registration certificate'],
          kind: 'text', attributes: { autocomplete: 'organization' } },
        { path: 'firm.representative', label: ['대표자', 'Representative'], help: ['대표자 성명', 'The chief executive\'s name'], kind: 'text' },
        { path: 'firm.foundedOn', label: ['설립일', 'Date founded'], help: ['사업자등록증의 개업연월일', 'The opening date on the certificate'],
          kind: 'date', attributes: { min: options.earliestFounding, max: options.today, class: 'short' } },
        { path: 'firm.industryCode', label: ['업종 코드(KSIC)', 'Industry code (KSIC)'],
          help: ['한국표준산업분류 대분류 알파벳과 중분류 두 자리. 예: C29 (기타 기계 및 장비 제조업)',
            'The KSIC section letter and 2-digit division, e.g. C29 (other machinery and equipment)'],
          kind: 'code', attributes: { autocapitalize: 'characters', autocomplete: 'off', class: 'short' } },
        { path: 'firm.employees', label: ['상시 근로자 수', 'Employees'], help: ['대표자를 포함한 상시 근로자(명)', 'Permanent employees, the chief executive included'], kind: 'number' },
        { path: 'firm.technicalStaff', label: ['기술 인력 수', 'Technical staff'],
          help: ['연구·기술 인력(명), 상시 근로자 수 이하', 'Research and engineering staff, at most the employees'], kind: 'number' },
        { path: 'firm.email', label: ['담당자 이메일', 'Contact email'], help: ['접수 메일과 모든 안내를 받을 주소', 'Where the receipt and every notice are sent'],
          kind: 'text', attributes: { type: 'email', autocomplete: 'email', spellcheck: 'false' } },
        { path: 'firm.phone', optional: true, label: ['전화번호', 'Phone'], help: ['예: 032-123-4567', 'E.g. 032-123-4567'],
          kind: 'text', attributes: { type: 'tel', autocomplete: 'tel', class: 'short' } },
        { path: 'firm.address', optional: true, label: ['주소', 'Address'], help: ['사업장 주소', 'Where the firm works'],
          kind: 'text', attributes: { autocomplete: 'street-address' } },
        { path: 'firm.miniCluster', optional: true, label: ['미니클러스터', 'Mini-cluster'],
          help: ['남동산단 미니클러스터 회원사이면 고르세요', 'If the firm belongs to one of the complex\'s mini-clusters'], kind: 'select',
          choices: [{ value: '', label: ['(없음)', '(none)'] }, ...options.miniClusters.map(c => ({ value: c, label: [c, c] }))] },
        { path: 'language', label: ['안내 메일 언어', 'Language of our mails'], help: ['접수 메일과 안내를 받을 언어', 'The language of the receipt and every notice'],
          kind: 'select', choices: [{ value: 'ko', label: ['한국어', '한국어 (Korean)'] }, { value: 'en', label: ['English (영어)', 'English'] }] },
      ],
    },
    {
      path: 'financials', title: ['재무', 'Financials'], help: ['최근 연도부터 한 해씩, 금액은 원 단위입니다 (예: 5,200,000,000).',
        'One entry per year, most recent first; amounts in won (e.g. 5,200,000,000).'],
      row: [['재무', 'Financials'], ['연도 추가', 'Add a year'], ['이 연도 삭제', 'Remove this year']],
      fields: [
        { path: 'year', label: ['연도', 'Year'], help: ['회계연도, 예: 2025', 'The financial year, e.g. 2025'], kind: 'number' },
        { path: 'revenueKrw', label: ['매출액(원)', 'Revenue (KRW)'], help: ['그해 매출액', 'The year\'s revenue'], kind: 'money' },
        { path: 'exportKrw', label: ['수출액(원)', 'Exports (KRW)'], help: ['매출 중 수출, 없으면 0', 'Of the revenue, exports; 0 if none'], kind: 'money' },
        { path: 'rdSpendKrw', label: ['연구개발비(원)', 'R&D spending (KRW)'], help: ['연구개발에 쓴 돈, 없으면 0', 'Spent on R&D; 0 if none'], kind: 'money' },
      ],
    },
    {
      path: 'technology', title: ['기술', 'Technology'], fields: [
        { path: 'technology.trl', label: ['기술성숙도(TRL)', 'Technology readiness level (TRL)'],
          help: ['주력 기술이 도달한 단계', 'How far the firm\'s main technology has come'], kind: 'select', numeric: true,
          choices: [{ value: '', label: ['선택하세요', 'Choose a level'] },
            ...trlLevels.map(([ko, en], i) => ({ value: String(i + 1), label: [`${i + 1}. ${ko}`, `${i + 1}. ${en}`] }))] },
        { path: 'technology.patents', label: ['보유 특허 수', 'Patents held'], help: ['등록된 특허(건)', 'Granted patents'], kind: 'number' },
        { path: 'technology.hasResearchLab', label: ['기업부설연구소 또는 연구개발전담부서', 'Research institute or dedicated R&D department'],
          help: ['인정받은 연구소나 전담부서가 있습니까?', 'Does the firm have a recognised one?'], kind: 'radio',
          choices: [{ value: 'true', label: ['있음', 'Yes'] }, { value: 'false', label: ['없음', 'No'] }] },
        { path: 'technology.certifications', optional: true, label: ['인증', 'Certifications'], help: ['보유한 인증을 모두 고르세요', 'Tick every one the firm holds'],
          kind: 'checkboxes', choices: options.certifications.map(c => ({ value: c.value, label: [c.ko, c.en] })) },
      ],
    },
    {
      path: 'selfAssessment', title: ['자가진단', 'Self-assessment'],
      help: ['분야마다 1(매우 부족)부터 5(매우 우수)까지 고르세요.', 'For each area choose from 1 (very weak) to 5 (very strong).'],
      fields: options.selfAssessment.map(d => ({
        path: `selfAssessment.${d.value}`, label: [d.ko, d.en], help: dimensionHelp[d.value], kind: 'radio', scale: true,
        choices: [1, 2, 3, 4, 5].map(n => ({ value: String(n), label: [String(n), String(n)] })),
      })),
    },
    {
      path: 'difficulties', title: ['애로사항', 'Difficulties'], help: ['지원받고 싶은 어려움을 하나씩 적어 주세요.', 'Describe each difficulty you want help with.'],
      row: [['애로사항', 'Difficulty'], ['애로사항 추가', 'Add a difficulty'], ['이 애로사항 삭제', 'Remove this difficulty']],
      fields: [
        { path: 'category', label: ['분야', 'Area'], help: ['가장 가까운 분야', 'The closest area'], kind: 'select',
          choices: [{ value: '', label: ['선택하세요', 'Choose an area'] }, ...options.difficultyCategories.map(c => ({ value: c.value, label: [c.ko, c.en] }))] },
        { path: 'description', label: ['내용', 'Description'], help: ['무엇이 어려운지 구체적으로', 'What is hard, in some detail'], kind: 'textarea' },
      ],
    },
  ];
}

function idOf(path) {
  return 'f-' + path.replace(/[.[\]]+/g, '-').replace(/-$/, '');
}

/** Builds the form's sections into form, before its last child (the page's own buttons). */
export function buildForm(form, options) {
  for (const section of sections(options)) {
    const heading = bilingual('h2', section.title, { id: idOf(section.path) + '-title' });
    const wrapper = element('section', { class: 'card', 'data-path': section.path, 'aria-labelledby': heading.id },
      heading, section.help ? bilingual('p', section.help, { class: 'help' }) : null, errorSlot(section.path));
    wrapper.dataset.labelKo = section.title[0];
    wrapper.dataset.labelEn = section.title[1];
    if (section.row) {
      lists.set(wrapper, { section, limit: options.limits[section.path] });
      wrapper.append(element('div', { class: 'rows' }), addButton(wrapper));
      renderRows(wrapper, [{}]);
    } else {
      wrapper.append(...section.fields.map(field => fieldOf(field, field.path)));
    }

    form.insertBefore(wrapper, form.lastElementChild);
  }

  // Amounts in won run to ten digits and more: once typed, they are shown with thousands separators.
  form.addEventListener('change', event => {
    const money = event.target.closest('[data-kind="money"]');
    if (money) {
      setValue(money, valueOf(money));
    }
  });
}

function errorSlot(path) {
  return element('p', { class: 'error', id: idOf(path) + '-error' });
}

function addButton(list) {
  const button = bilingual('button', lists.get(list).section.row[1], { type: 'button', class: 'secondary add' });
  button.addEventListener('click', () => {
    const items = readList(list);
    renderRows(list, [...items, {}]);
    list.querySelector('.row:last-child input, .row:last-child select').focus();
    changed(list);
  });
  return button;
}

/** One field: its label, help, error and control, all tied together; a group of choices is a fieldset. */
function fieldOf(field, path, rowLabel) {
  const id = idOf(path);
  const optional = field.optional ? ['(선택)', '(optional)'] : null;
  const group = field.kind === 'radio' || field.kind === 'checkboxes';
  const caption = element(group ? 'legend' : 'label', group ? {} : { for: id },
    bilingual('span', field.label), optional ? bilingual('span', optional, { class: 'optional' }) : null);
  const help = field.help ? bilingual('p', field.help, { class: 'help', id: id + '-help' }) : null;
  const describedBy = [help ? id + '-help' : null, id + '-error'].filter(Boolean).join(' ');
  const wrapper = element(group ? 'fieldset' : 'div', {
    class: `field ${field.kind}${field.scale ? ' scale' : ''}`, 'data-path': path, 'data-kind': field.kind, 'data-numeric': field.numeric ?? false,
    'aria-describedby': group ? describedBy : null,
  }, caption, help, errorSlot(path));
  wrapper.dataset.labelKo = rowLabel ? `${rowLabel[0]} · ${field.label[0]}` : field.label[0];
  wrapper.dataset.labelEn = rowLabel ? `${rowLabel[1]} · ${field.label[1]}` : field.label[1];
  if (group) {
    const type = field.kind === 'radio' ? 'radio' : 'checkbox';
    wrapper.append(element('div', { class: 'choices' }, ...field.choices.map(choice => {
      const choiceId = `${id}-${choice.value}`;
      return element('div', { class: 'choice' },
        element('input', { type, id: choiceId, name: path, value: choice.value }),
        bilingual('label', choice.label, { for: choiceId }));
    })));
  } else if (field.kind === 'select') {
    wrapper.append(element('select', { id, name: path, 'aria-describedby': describedBy },
      ...field.choices.map(choice => bilingual('option', choice.label, { value: choice.value }))));
  } else if (field.kind === 'textarea') {
    wrapper.append(element('textarea', { id, name: path, rows: 4, 'aria-describedby': describedBy }));
  } else {
    const type = field.kind === 'date' ? 'date' : 'text';
    const numeric = field.kind === 'number' || field.kind === 'money' ? { inputmode: 'numeric', autocomplete: 'off' } : {};
    wrapper.append(element('input', { type, id, name: path, 'aria-describedby': describedBy, ...numeric, ...field.attributes }));
  }

  return wrapper;
}

/** The rows of a list (financials, difficulties), numbered from 1, each with its remove button. */
function renderRows(list, items) {
  const { section, limit } = lists.get(list);
  const [rowName, , removeLabel] = section.row;
  const rows = list.querySelector('.rows');
  rows.replaceChildren(...items.map((item, index) => {
    const rowLabel = [`${rowName[0]} ${index + 1}`, `${rowName[1]} ${index + 1}`];
    const remove = element('button', { type: 'button', class: 'secondary remove', disabled: items.length <= limit.min },
      bilingual('span', removeLabel), bilingual('span', [` (${rowLabel[0]})`, ` (${rowLabel[1]})`], { class: 'visually-hidden' }));
    remove.addEventListener('click', () => {
      renderRows(list, readList(list).filter((_, i) => i !== index));
      list.querySelector('.add').focus();
      changed(list);
    });
    const row = element('fieldset', { class: 'row' }, bilingual('legend', rowLabel),
      ...section.fields.map(field => fieldOf(field, `${section.path}[${index}].${field.path}`, rowLabel)), remove);
    for (const [name, value] of Object.entries(item)) {
      const field = row.querySelector(`[data-path="${section.path}[${index}].${name}"]`);
      if (field) {
        setValue(field, value);
      }
    }

    return row;
  }));
  list.querySelector('.add').disabled = items.length >= limit.max;
}

/** Tells the page the form changed where no input event says so (a row added or removed). */
function changed(list) {
  list.dispatchEvent(new Event('change', { bubbles: true }));
}

function readList(list) {
  const items = [];
  for (const field of list.querySelectorAll('.rows [data-kind]')) {
    const [, index, name] = /\[(\d+)\]\.(\w+)$/.exec(field.dataset.path);
    items[index] = { ...items[index], [name]: valueOf(field) };
  }

  return items;
}

/**
 * The request as POST /api/applications takes it. Empty fields are null; a number that is not a whole number stays
 * the text typed (the check says so, and a draft keeps it as it was).
 */
export function readForm(form) {
  const request = {};
  for (const field of form.querySelectorAll('[data-kind]')) {
    setAt(request, field.dataset.path, valueOf(field));
  }

  return request;
}

/** Fills the form from an application's JSON (the request's shape); what it does not hold is left as it is. */
export function fillForm(form, application) {
  for (const list of form.querySelectorAll('section[data-path]')) {
    const items = application?.[list.dataset.path];
    if (lists.has(list) && Array.isArray(items) && items.length > 0) {
      renderRows(list, items.slice(0, lists.get(list).limit.max).map(item => item ?? {}));
    }
  }

  for (const field of form.querySelectorAll('[data-kind]')) {
    const value = valueAt(application, field.dataset.path);
    if (value !== undefined) {
      setValue(field, value);
    }
  }
}

function controls(field) {
  return [...field.querySelectorAll('input, select, textarea')];
}

function valueOf(field) {
  const [control] = controls(field);
  switch (field.dataset.kind) {
    case 'radio': {
      const checked = controls(field).find(c => c.checked)?.value;
      return checked === undefined ? null : JSON.parse(checked);
    }
    case 'checkboxes':
      return controls(field).filter(c => c.checked).map(c => c.value);
    case 'number':
    case 'money': {
      const typed = control.value.trim();
      const plain = typed.replace(/[,\s]/g, '');
      return typed === '' ? null : /^-?\d+$/.test(plain) ? Number(plain) : typed;
    }
    case 'code':
      return control.value.trim().toUpperCase() || null;
    case 'select':
      return control.value === '' ? null : field.dataset.numeric === undefined ? control.value : Number(control.value);
    case 'textarea':
    case 'text':
    case 'date':
      return control.value.trim() || null;
  }
}

function setValue(field, value) {
  const kind = field.dataset.kind;
  if (kind === 'radio' || kind === 'checkboxes') {
    const chosen = (kind === 'radio' ? [value] : value ?? []).map(String);
    for (const control of controls(field)) {
      control.checked = chosen.includes(control.value);
    }
  } else if (kind === 'money' && Number.isSafeInteger(value)) {
    controls(field)[0].value = value.toLocaleString('en-US');
  } else {
    controls(field)[0].value = value === null ? '' : String(value);
  }
}

function steps(path) {
  return path.split(/\.|\[(\d+)\]\.?/).filter(step => step !== undefined && step !== '');
}

function valueAt(object, path) {
  return steps(path).reduce((at, step) => (at === null || at === undefined ? undefined : at[step]), object);
}

function setAt(object, path, value) {
  const names = steps(path);
  let at = object;
  names.slice(0, -1).forEach((step, i) => {
    at[step] ??= /^\d+$/.test(names[i + 1]) ? [] : {};
    at = at[step];
  });
  at[names.at(-1)] = value;
}

/** The business registration number's ten digits: hyphens as in XXX-XX-XXXXX or none (BusinessRegistrationNumber.Digits). */
export function brnDigits(text) {
  const plain = text.length === 12 && text[3] === '-' && text[6] === '-' ? text.replaceAll('-', '') : text;
  return /^[0-9]{10}$/.test(plain) ? plain : null;
}

/** S = Σ dᵢ·wᵢ + ⌊d₉·5 / 10⌋ with weights 1,3,7,1,3,7,1,3,5; valid when (10 − S mod 10) mod 10 is the tenth digit. */
export function hasValidCheckDigit(digits) {
  const d = [...digits].map(Number);
  const sum = [1, 3, 7, 1, 3, 7, 1, 3, 5].reduce((s, w, i) => s + d[i] * w, 0) + Math.floor(d[8] * 5 / 10);
  return (10 - sum % 10) % 10 === d[9];
}

const number = n => n.toLocaleString('ko-KR');

/** Every problem of the request, as Map(path → [[korean, english]]), by the server's rules and the options' bounds. */
export function checkForm(request, options) {
  const errors = new Map();
  const add = (path, message) => {
    errors.set(path, [...(errors.get(path) ?? []), message]);
  };
  const limits = path => options.limits[path.replace(/\[\d+\]/g, '[]')] ?? {};

  const text = (path, value, optional) => {
    if (value === null || value === undefined) {
      return optional ? null : add(path, required);
    }

    const { minLength = 0, maxLength, pattern } = limits(path);
    if ([...value].some(c => c < ' ' && !'\t\r\n'.includes(c))) {
      return add(path, ['제어 문자는 쓸 수 없습니다.', 'Must not contain control characters.']);
    }

    if (value.length < minLength || value.length > maxLength) {
      return add(path, minLength === maxLength
        ? [`${maxLength}자로 입력해 주세요.`, `Must be ${maxLength} characters.`]
        : [`${maxLength}자 이내로 입력해 주세요.`, `At most ${maxLength} characters.`]);
    }

    return pattern && !new RegExp(pattern).test(value) ? add(path, ['형식이 맞지 않습니다. 도움말의 예를 보세요.', 'Not in the right form: see the example.']) : value;
  };
  const whole = (path, value, max = limits(path).max) => {
    const { min } = limits(path);
    if (value === null || value === undefined) {
      return add(path, required);
    }

    if (!Number.isSafeInteger(value)) {
      return add(path, typeof value === 'number'
        ? ['너무 큰 수입니다.', 'Too large a number.']
        : ['숫자만 입력해 주세요 (쉼표는 괜찮습니다).', 'Digits only, please (commas are fine).']);
    }

    if (value < min || (max !== undefined && value > max)) {
      return add(path, max === undefined
        ? [`${number(min)} 이상이어야 합니다.`, `Must be at least ${number(min)}.`]
        : [`${number(min)}에서 ${number(max)} 사이여야 합니다.`, `Must be between ${number(min)} and ${number(max)}.`]);
    }

    return value;
  };
  const count = (path, items) => {
    const { min, max } = limits(path);
    return items.length < min || items.length > max ? add(path, [`${min}개에서 ${max}개까지 적어 주세요.`, `Give ${min} to ${max}.`]) : items;
  };

  const firm = request.firm ?? {};
  const brn = firm.businessRegistrationNumber;
  if (!brn) {
    add('firm.businessRegistrationNumber', required);
  } else if (!brnDigits(brn)) {
    add('firm.businessRegistrationNumber', ['숫자 10자리로 입력해 주세요. 하이픈은 124-81-00998처럼만 넣을 수 있습니다.',
      'Give 10 digits; hyphens only as in 124-81-00998.']);
  } else if (!hasValidCheckDigit(brnDigits(brn))) {
    add('firm.businessRegistrationNumber', ['올바른 사업자등록번호가 아닙니다: 마지막 검증 숫자가 맞지 않습니다. 사업자등록증의 번호를 다시 확인해 주세요.',
      'Not a valid business registration number: the check digit (the last) does not match. Check the number on the certificate.']);
  }

  text('firm.name', firm.name);
  text('firm.representative', firm.representative);
  if (!firm.foundedOn) {
    add('firm.foundedOn', required);
  } else if (firm.foundedOn < options.earliestFounding || firm.foundedOn > options.today) {
    add('firm.foundedOn', [`${options.earliestFounding}부터 오늘 사이의 날짜여야 합니다.`, `Must be between ${options.earliestFounding} and today.`]);
  }

  text('firm.industryCode', firm.industryCode);
  const employees = whole('firm.employees', firm.employees);
  whole('firm.technicalStaff', firm.technicalStaff, typeof employees === 'number' ? employees : undefined);
  if (text('firm.email', firm.email) && !/^[^\s@]+@[^\s@]+\.[A-Za-z]{2,63}$/.test(firm.email)) {
    add('firm.email', ['올바른 이메일 주소가 아닙니다.', 'Not a valid email address.']);
  }

  text('firm.phone', firm.phone, true);
  text('firm.address', firm.address, true);
  text('firm.miniCluster', firm.miniCluster, true);

  const years = new Set();
  const financials = request.financials ?? [];
  count('financials', financials);
  financials.forEach((entry, i) => {
    const path = `financials[${i}]`;
    const year = whole(`${path}.year`, entry.year);
    const revenue = whole(`${path}.revenueKrw`, entry.revenueKrw);
    const below = typeof revenue === 'number' ? revenue : undefined;
    whole(`${path}.exportKrw`, entry.exportKrw, below);
    whole(`${path}.rdSpendKrw`, entry.rdSpendKrw, below);
    if (typeof year === 'number' && years.has(year)) {
      add(`${path}.year`, ['같은 연도가 이미 있습니다.', 'This year is already given.']);
    }

    years.add(year);
  });

  const technology = request.technology ?? {};
  whole('technology.trl', technology.trl);
  whole('technology.patents', technology.patents);
  if (typeof technology.hasResearchLab !== 'boolean') {
    add('technology.hasResearchLab', required);
  }

  const self = request.selfAssessment ?? {};
  for (const dimension of options.selfAssessment) {
    whole(`selfAssessment.${dimension.value}`, self[dimension.value]);
  }

  const difficulties = request.difficulties ?? [];
  count('difficulties', difficulties);
  difficulties.forEach((entry, i) => {
    if (!options.difficultyCategories.some(c => c.value === entry.category)) {
      add(`difficulties[${i}].category`, required);
    }

    text(`difficulties[${i}].description`, entry.description);
  });

  return errors;
}

/** The errors of a problem-details answer (400), in the server's words, which are English. */
export function serverErrors(problem) {
  return new Map(Object.entries(problem.errors ?? {}).map(([path, messages]) => [path, messages.map(m => [m, m, 'en'])]));
}

/** The field that shows a path's errors: the path's own, else the nearest enclosing one (certifications[1] → certifications). */
function fieldFor(form, path) {
  for (let at = path; ;) {
    const field = form.querySelector(`[data-path="${CSS.escape(at)}"]`);
    const enclosing = at.replace(/(\[\d+\]|\.\w+)$/, '');
    if (field || enclosing === at) {
      return field;
    }

    at = enclosing;
  }
}

/**
 * Shows each error at its field (aria-invalid on its controls, the message in the slot they are described by) and
 * clears the others; with only, just the fields listed. With summary, lists every error there, each linked to its field.
 */
export function showErrors(form, errors, { only, summary } = {}) {
  const byField = new Map();
  const loose = [];
  for (const [path, messages] of errors) {
    const field = fieldFor(form, path);
    if (field) {
      byField.set(field, [...(byField.get(field) ?? []), ...messages]);
    } else {
      loose.push(...messages.map(message => [path, message]));
    }
  }

  for (const field of only ?? form.querySelectorAll('[data-path]')) {
    const messages = byField.get(field) ?? [];
    field.querySelector(':scope > .error').replaceChildren(...messages.map(message));
    field.classList.toggle('invalid', messages.length > 0);
    for (const control of field.matches('[data-kind]') ? controls(field) : []) {
      control.toggleAttribute('aria-invalid', messages.length > 0);
    }
  }

  if (summary) {
    const items = [...byField].flatMap(([field, messages]) => messages.map(m => {
      const target = field.querySelector('input, select, textarea');
      const link = element('a', { href: '#' + target.id }, bilingual('span', [field.dataset.labelKo, field.dataset.labelEn]), ': ', message(m));
      link.addEventListener('click', event => {
        event.preventDefault();
        target.focus();
      });
      return element('li', {}, link);
    }));
    items.push(...loose.map(([path, m]) => element('li', {}, `${path}: `, message(m))));
    summary.querySelector('ul').replaceChildren(...items);
    summary.hidden = items.length === 0;
  }
}

function message([ko, en, lang]) {
  return bilingual('span', [ko, en], { lang: lang ?? null });
}

/** Checks the fields as the person leaves them, and again as they type in one showing an error, until it is right. */
export function checkAsTyped(form, options) {
  const recheck = event => {
    const field = event.target.closest('[data-kind]');
    if (field && (event.type === 'change' || field.classList.contains('invalid'))) {
      showErrors(form, checkForm(readForm(form), options), { only: [field] });
    }
  };
  form.addEventListener('change', recheck);
  form.addEventListener('input', recheck);
}

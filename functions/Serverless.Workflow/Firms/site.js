// What every firm page shares: building elements, and the page's language. Korean unless the person chose English
// (kept in this browser); every element with data-ko and data-en shows the text of the language chosen.

const languageKey = 'language';

/** The element, with its attributes (false and null leave one out) and children (strings become text). */
export function element(tag, attributes = {}, ...children) {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) {
      made.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      made.setAttribute(name, String(value));
    }
  }

  made.append(...children.filter(child => child !== null && child !== undefined));
  return made;
}

/** An element saying [korean, english] in the language shown now (and in the other once it is chosen). */
export function bilingual(tag, [ko, en], attributes = {}) {
  const made = element(tag, { ...attributes, 'data-ko': ko, 'data-en': en });
  made.textContent = currentLanguage() === 'en' ? en : ko;
  return made;
}

function currentLanguage() {
  return localStorage.getItem(languageKey) === 'en' ? 'en' : 'ko';
}

/** Every bilingual text under root, in the language shown now. */
export function translate(root) {
  const language = currentLanguage();
  for (const text of root.querySelectorAll('[data-ko]')) {
    text.textContent = text.dataset[language];
  }
}

/**
 * Shows the page in the language kept in this browser, and makes the button (labelled with the other language's
 * name) switch it, keep the choice and call onChange(language).
 */
export function setUpLanguage(button, onChange) {
  const show = () => {
    const language = currentLanguage();
    document.documentElement.lang = language;
    button.lang = language === 'en' ? 'ko' : 'en';
    translate(document);
  };
  show();
  button.addEventListener('click', () => {
    localStorage.setItem(languageKey, currentLanguage() === 'en' ? 'ko' : 'en');
    show();
    onChange(currentLanguage());
  });
}

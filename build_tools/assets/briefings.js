/* Briefing pages: the reading-language choice (remembered across pages) and copy buttons for
   quote permalinks and citations. No inline handlers, no requests, nothing needed to read a page:
   without this script every passage is shown in both languages. */
(function () {
  "use strict";

  var STORAGE_KEY = "briefings.reading";
  var MODES = ["original", "en", "both"];
  var ROOT = document.documentElement;

  function storedMode() {
    try {
      var mode = window.localStorage.getItem(STORAGE_KEY);
      return MODES.indexOf(mode) >= 0 ? mode : "both";
    } catch (error) {
      return "both"; // storage disabled: the default, every time
    }
  }

  function storeMode(mode) {
    try {
      window.localStorage.setItem(STORAGE_KEY, mode);
    } catch (error) {
      /* storage disabled: the choice lasts for this page only */
    }
  }

  /* The mode is a class on <html> (the theme override sets it in the head, before the page is
     drawn); every bilingual text on the page follows it through the stylesheet. */
  function applyMode(mode) {
    MODES.forEach(function (other) {
      ROOT.classList.toggle("bf-read-" + other, other === mode);
    });
    document.querySelectorAll(".bf-reading [data-bf-mode]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-bf-mode") === mode));
    });
    wordSearchBox(mode);
  }

  /* -- the theme's own words ------------------------------------------------------------------ */

  /* The theme writes the navigation (mkdocs.yml's titles) and the header's search box in
     English; their words in other languages come with the page as JSON (render/i18n.py:
     chrome_words). Navigation titles become alternatives, as the page's own words are; the search
     box's placeholder and name are attributes, set for each mode. */
  var CHROME = null;

  function chromeWords() {
    var data = document.getElementById("bf-chrome-words");
    if (!data) return null;
    try { return JSON.parse(data.textContent); } catch (error) { return null; }
  }

  function wordNavigation() {
    var language = pageLanguage();
    if (!CHROME || !language) return;
    document.querySelectorAll(".md-nav__link .md-ellipsis, .md-tabs__link").forEach(function (label) {
      if (label.children.length) return;
      var english = label.textContent.trim();
      var other = CHROME.nav[english] && CHROME.nav[english][language];
      if (!other) return;
      label.textContent = "";
      label.appendChild(alternatives(english, language, other));
    });
  }

  /* English and another language's words as the two alternatives the reading mode chooses from. */
  function alternatives(english, language, other) {
    var both = document.createDocumentFragment();
    [["en", english], [language, other]].forEach(function (pair) {
      var span = document.createElement("span");
      span.lang = pair[0];
      span.className = "bf-alt bf-ui " + (pair[0] === "en" ? "bf-en" : "bf-orig");
      span.textContent = pair[1];
      both.appendChild(span);
    });
    return both;
  }

  /* The table of contents' title: a text node after the theme's icon. A section page has two
     (the sidebar's, and a copy inside the navigation for narrow screens): each is worded. */
  function wordTableOfContents() {
    var language = pageLanguage();
    var other = CHROME && language && CHROME.toc && CHROME.toc[language];
    if (!other) return;
    document.querySelectorAll(".md-nav--secondary > .md-nav__title").forEach(function (title) {
      Array.prototype.slice.call(title.childNodes).forEach(function (node) {
        var english = node.nodeType === Node.TEXT_NODE ? node.textContent.trim() : "";
        if (!english) return;
        title.replaceChild(alternatives(english, language, other), node);
      });
    });
  }

  /* The header shows the page's title once the reader scrolls past it: the theme writes the
     English one; a title in two languages becomes the same alternatives as the page's heading. */
  function wordHeaderTitle() {
    var titles = document.querySelectorAll("h1#title > .bf-alt[lang]");
    var topic = document.querySelector(".md-header__topic[data-md-component='header-topic'] .md-ellipsis");
    if (titles.length < 2 || !topic) return;
    topic.textContent = "";
    titles.forEach(function (title) {
      var span = document.createElement("span");
      span.lang = title.lang;
      span.className = title.className;
      span.textContent = title.textContent;
      topic.appendChild(span);
    });
  }

  function wordSearchBox(mode) {
    var box = document.querySelector(".bf-header-search__input");
    var language = pageLanguage();
    if (!CHROME || !box) return;
    if (!box.hasAttribute("data-bf-en")) {
      box.setAttribute("data-bf-en", box.placeholder + "\n" + box.getAttribute("aria-label"));
    }
    var english = box.getAttribute("data-bf-en").split("\n");
    var original = language && mode === "original";
    box.placeholder = (original && CHROME.search.placeholder[language]) || english[0];
    box.setAttribute("aria-label", (original && CHROME.search.label[language]) || english[1]);
  }

  function setUpReading() {
    applyMode(storedMode());
    document.querySelectorAll(".bf-reading").forEach(function (group) {
      group.hidden = false;
      group.addEventListener("click", function (event) {
        var button = event.target.closest("[data-bf-mode]");
        if (!button) return;
        var mode = button.getAttribute("data-bf-mode");
        storeMode(mode);
        applyMode(mode);
      });
    });
  }

  /* A passage a link or a search result points at is shown on arrival, even inside a closed
     <details>. */
  function revealTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    var opened = false;
    for (var node = target.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS" && !node.open) {
        node.open = true;
        opened = true;
      }
    }
    if (opened) target.scrollIntoView({ block: "start" });
  }

  /* The page's own words in the languages the page is written in (see render/i18n.py). */
  var WORDS = {
    "copy-link": { en: "Copy link", id: "Salin tautan" },
    "to-this-quote": { en: " to this quote", id: " ke kutipan ini" },
    "copy": { en: "Copy", id: "Salin" },
    "citation": { en: " citation", id: "" },
    "copied": { en: "Copied", id: "Tersalin" },
    "copied-status": { en: "Copied to the clipboard.", id: "Tersalin ke papan klip." },
    "refused": { en: "Copying is not allowed here; select the text and copy it.",
                 id: "Menyalin tidak diizinkan di sini; pilih teksnya lalu salin." }
  };

  /* The page's language besides English: its reading buttons say it, or on a page without them
     (the 404 page) its own words in two languages do. */
  function pageLanguage() {
    var words = document.querySelector(".bf-reading [data-bf-mode='original'] [lang]:not([lang='en'])")
      || document.querySelector(".md-content .bf-orig[lang]:not([lang='en'])");
    return words ? words.getAttribute("lang") : null;
  }

  /* The words as elements: English, and the page's language beside it as an alternative (the
     page's own words: see render/i18n.py). `hidden` words complete the name for screen readers. */
  function wordsInto(element, key, suffix, hidden) {
    var language = pageLanguage();
    element.textContent = "";
    var languages = language && WORDS[key][language] ? ["en", language] : ["en"];
    languages.forEach(function (code) {
      var span = document.createElement("span");
      span.lang = code;
      if (languages.length > 1) span.className = "bf-alt bf-ui " + (code === "en" ? "bf-en" : "bf-orig");
      span.textContent = WORDS[key][code] + (suffix || "");
      if (hidden && WORDS[hidden][code]) {
        var more = document.createElement("span");
        more.className = "bf-visually-hidden";
        more.textContent = WORDS[hidden][code];
        span.appendChild(more);
      }
      element.appendChild(span);
    });
  }

  function plainWords(key) {
    var language = pageLanguage();
    var mode = storedMode();
    if (language && mode === "original" && WORDS[key][language]) return WORDS[key][language];
    return WORDS[key].en;
  }

  /* -- copying ------------------------------------------------------------------------------ */

  var status;

  function announce(message) {
    if (!status) {
      status = document.createElement("p");
      status.className = "bf-status";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  /* For pages not served over HTTPS (no Clipboard API there) and older browsers. */
  function copyWithSelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "bf-copy-buffer";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    area.remove();
    return copied;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        if (!copyWithSelection(text)) throw new Error("copy refused");
      });
    }
    return copyWithSelection(text) ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copyButton(key, suffix, hidden, text) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "bf-copy";
    wordsInto(button, key, suffix, hidden);
    button.addEventListener("click", function () {
      var value = text();
      copyText(value).then(
        function () {
          wordsInto(button, "copied");
          announce(plainWords("copied-status"));
          window.setTimeout(function () { wordsInto(button, key, suffix, hidden); }, 2000);
        },
        function () {
          announce(plainWords("refused"));
        }
      );
    });
    return button;
  }

  function setUpCopying() {
    document.querySelectorAll(".bf-quote .bf-permalink").forEach(function (link) {
      var button = copyButton("copy-link", "", "to-this-quote", function () {
        return link.href; // resolved against the page: an absolute address
      });
      link.insertAdjacentElement("afterend", button);
    });
    document.querySelectorAll("[data-bf-copy]").forEach(function (block) {
      var name = block.getAttribute("data-bf-copy");
      var code = block.querySelector("code");
      if (!code) return;
      block.appendChild(copyButton("copy", " " + name, "citation", function () {
        return code.textContent;
      }));
    });
  }

  function start() {
    CHROME = chromeWords();
    wordNavigation();
    wordTableOfContents();
    wordHeaderTitle();
    setUpReading();
    setUpCopying();
    revealTarget();
    window.addEventListener("hashchange", revealTarget);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

/* Briefing pages: the reading-language choice (remembered across pages) and copy buttons for
   quote permalinks and citations. No inline handlers, no requests, nothing needed to read a page:
   without this script every passage is shown in both languages. */
(function () {
  "use strict";

  var STORAGE_KEY = "briefings.reading";
  var MODES = ["original", "en", "both"];
  var MODE_TARGETS = ".bf-article, .bf-header, .bf-summary";

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

  function applyMode(group, mode) {
    group.querySelectorAll("[data-bf-mode]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-bf-mode") === mode));
    });
    document.querySelectorAll(MODE_TARGETS).forEach(function (element) {
      MODES.forEach(function (other) {
        element.classList.toggle("bf-mode-" + other, other === mode);
      });
    });
  }

  function setUpReading() {
    var group = document.querySelector(".bf-reading");
    if (!group) return;
    group.hidden = false;
    applyMode(group, storedMode());
    group.addEventListener("click", function (event) {
      var button = event.target.closest("[data-bf-mode]");
      if (!button) return;
      var mode = button.getAttribute("data-bf-mode");
      storeMode(mode);
      applyMode(group, mode);
    });
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

  function copyButton(label, name, text) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "bf-copy";
    button.textContent = label;
    button.setAttribute("aria-label", name);
    button.addEventListener("click", function () {
      var value = text();
      copyText(value).then(
        function () {
          button.textContent = "Copied";
          announce("Copied to the clipboard.");
          window.setTimeout(function () { button.textContent = label; }, 2000);
        },
        function () {
          announce("Copying is not allowed here; select the text and copy it.");
        }
      );
    });
    return button;
  }

  function setUpCopying() {
    document.querySelectorAll(".bf-quote .bf-permalink").forEach(function (link) {
      var button = copyButton("Copy link", "Copy link to this quote", function () {
        return link.href; // resolved against the page: an absolute address
      });
      link.insertAdjacentElement("afterend", button);
    });
    document.querySelectorAll("[data-bf-copy]").forEach(function (block) {
      var name = block.getAttribute("data-bf-copy");
      var code = block.querySelector("code");
      if (!code) return;
      block.appendChild(copyButton("Copy " + name, "Copy " + name + " citation", function () {
        return code.textContent;
      }));
    });
  }

  function start() {
    setUpReading();
    setUpCopying();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

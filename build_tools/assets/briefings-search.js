/* The search page: queries the site's Pagefind bundles (one per language, built by the briefings
   plugin) in the browser and lists each page once, with its kind, outlet, date and the passage
   that matched. Filters come from the index itself. The query and filters live in the address
   (?q=...&story=...), so a search can be shared and the header's search box can start one.
   Everything shown comes from the index as text: excerpts keep only Pagefind's <mark> elements. */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var DEBOUNCE_MS = 250;

  function setUp(form) {
    var root = new URL(form.getAttribute("data-bf-root"), window.location.href);
    var bundles = new URL(form.getAttribute("data-bf-bundles"), window.location.href);
    var input = form.querySelector("input[name=q]");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-bf-filter]"));
    var filterBox = form.querySelector(".bf-search-filters");
    var status = document.querySelector(".bf-search-status");
    var list = document.querySelector(".bf-search-results");
    var more = document.querySelector(".bf-search-more");
    var engines = [];
    var current = [];
    var shown = 0;
    var searchNumber = 0;
    var timer = null;

    function say(message) {
      status.textContent = message;
    }

    /* One Pagefind module per language bundle. Each is imported from its own address, so each
       loads its own word-stemming rules (pagefind.mergeIndex would search the Indonesian index with
       the English stemmer); results are merged here by score. */
    async function load() {
      var manifest = await fetch(new URL("bundles.json", bundles)).then(function (response) {
        if (!response.ok) throw new Error("no search index (" + response.status + ")");
        return response.json();
      });
      return Promise.all(
        manifest.languages.map(async function (language) {
          var bundle = new URL(language + "/", bundles);
          var module = await import(new URL("pagefind.js", bundle).href);
          await module.options({ basePath: bundle.pathname, baseUrl: root.pathname, excerptLength: 24 });
          return { language: language, module: module };
        })
      );
    }

    async function allFilters() {
      var merged = {};
      var each = await Promise.all(engines.map(function (engine) { return engine.module.filters(); }));
      each.forEach(function (filters) {
        Object.keys(filters).forEach(function (name) {
          merged[name] = Object.assign(merged[name] || {}, filters[name]);
        });
      });
      return merged;
    }

    async function searchAll(term, filters) {
      var each = await Promise.all(
        engines.map(async function (engine) {
          var found = await engine.module.search(term, { filters: filters });
          // Pagefind's own result object is kept, not just its data(): Pagefind releases a
          // result's data in its worker once that object is garbage-collected.
          return found.results.map(function (result) {
            return { score: result.score, result: result, language: engine.language };
          });
        })
      );
      return [].concat.apply([], each).sort(function (a, b) { return b.score - a.score; });
    }

    function fillFilters(available) {
      selects.forEach(function (select) {
        var values = Object.keys(available[select.name] || {}).sort(function (a, b) {
          return a.localeCompare(b);
        });
        values.forEach(function (value) {
          var option = document.createElement("option");
          option.value = value;
          option.textContent = value;
          select.appendChild(option);
        });
        select.disabled = values.length === 0;
      });
    }

    /* The filters' values are the largest part of an index (every actor, story and outlet), so
       they are fetched only when a reader opens the filters or the address names one. */
    var filtersLoaded = null;
    function loadFilters() {
      if (!filtersLoaded) {
        filtersLoaded = allFilters().then(fillFilters, function (error) {
          say("The filters are not available: " + error.message);
        });
      }
      return filtersLoaded;
    }

    function readAddress() {
      var params = new URLSearchParams(window.location.search);
      input.value = params.get("q") || "";
      selects.forEach(function (select) {
        var wanted = params.get(select.name);
        if (wanted && Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
          select.value = wanted;
          filterBox.open = true;
        }
      });
    }

    function writeAddress() {
      var params = new URLSearchParams();
      if (input.value.trim()) params.set("q", input.value.trim());
      selects.forEach(function (select) {
        if (select.value) params.set(select.name, select.value);
      });
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    }

    function chosenFilters() {
      var filters = {};
      selects.forEach(function (select) {
        if (select.value) filters[select.name] = select.value;
      });
      return filters;
    }

    /* Pagefind's excerpt is HTML with <mark> around the matched words. It is parsed in an inert
       document (nothing loads or runs there) and rebuilt from its text and marks only. */
    function excerptNodes(excerpt) {
      var parsed = new DOMParser().parseFromString("<p>" + excerpt + "</p>", "text/html").body;
      var fragment = document.createDocumentFragment();
      (function walk(node) {
        node.childNodes.forEach(function (child) {
          if (child.nodeType === Node.TEXT_NODE) {
            fragment.appendChild(document.createTextNode(child.textContent));
          } else if (child.nodeName === "MARK") {
            var mark = document.createElement("mark");
            mark.textContent = child.textContent;
            fragment.appendChild(mark);
          } else {
            walk(child);
          }
        });
      })(parsed);
      return fragment;
    }

    function pageUrl(url) {
      var resolved = new URL(url, window.location.origin);
      return resolved.origin === window.location.origin ? resolved.href : root.href;
    }

    function resultItem(data, language) {
      var meta = data.meta || {};
      var item = document.createElement("li");
      item.className = "bf-search-result";
      var heading = document.createElement("p");
      heading.className = "bf-search-title";
      var link = document.createElement("a");
      var target = data.url;
      var sub = (data.sub_results || [])[0];
      if (sub && sub.url && sub.url.indexOf("#") > 0 && sub.url.split("#")[0] === data.url) target = sub.url;
      link.href = pageUrl(target);
      link.textContent = meta.title || data.url;
      link.lang = language;
      heading.appendChild(link);
      item.appendChild(heading);
      var facts = [meta.kind, meta.outlet, meta.date, meta.language].filter(Boolean);
      if (meta.kind === "Story" && meta.briefings) facts.push(meta.briefings + " briefings");
      var details = document.createElement("p");
      details.className = "bf-search-meta";
      details.textContent = facts.join(" · ");
      item.appendChild(details);
      var excerpt = document.createElement("p");
      excerpt.className = "bf-search-excerpt";
      excerpt.lang = language;
      excerpt.appendChild(excerptNodes((sub && sub.excerpt) || data.excerpt || ""));
      item.appendChild(excerpt);
      return item;
    }

    /* The same page is in the index once per language; the best-ranked copy is shown. */
    async function showMore() {
      var number = searchNumber;
      var added = 0;
      while (shown < current.length && added < PAGE_SIZE) {
        var result = current[shown++];
        var data = await result.result.data();
        if (number !== searchNumber) return;
        if (!data || !data.url) {
          console.warn("search: no data for a result of the " + result.language + " index");
          continue;
        }
        if (list.querySelector('[data-bf-url="' + CSS.escape(data.url) + '"]')) continue;
        var item = resultItem(data, result.language);
        item.setAttribute("data-bf-url", data.url);
        list.appendChild(item);
        added++;
      }
      more.hidden = shown >= current.length;
    }

    async function search() {
      var number = ++searchNumber;
      var term = input.value.trim();
      var filters = chosenFilters();
      writeAddress();
      if (!term && Object.keys(filters).length === 0) {
        list.replaceChildren();
        more.hidden = true;
        say("");
        return;
      }
      say("Searching…");
      try {
        var found = await searchAll(term || null, filters);
        if (number !== searchNumber) return;
        current = found;
        shown = 0;
        list.replaceChildren();
        await showMore();
      } catch (error) {
        if (number === searchNumber) say("Search failed: " + error.message);
        return;
      }
      if (number !== searchNumber) return;
      announce();
    }

    function announce() {
      var count = list.children.length;
      var term = input.value.trim();
      var what = term ? " for “" + term + "”" : "";
      if (count === 0) say("No results" + what + ".");
      else if (more.hidden) say(count + (count === 1 ? " result" : " results") + what + ".");
      else say("The best " + count + " results" + what + "; more below.");
    }

    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, DEBOUNCE_MS);
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      search();
    });
    input.addEventListener("input", later);
    selects.forEach(function (select) {
      select.addEventListener("change", search);
    });
    more.addEventListener("click", function () {
      showMore().then(announce);
    });

    filterBox.addEventListener("toggle", function () {
      if (filterBox.open && engines.length) loadFilters();
    });

    say("Loading the search index…");
    load()
      .then(async function (loaded) {
        engines = loaded;
        var params = new URLSearchParams(window.location.search);
        var named = selects.some(function (select) { return params.has(select.name); });
        if (named || filterBox.open) await loadFilters();
        filterBox.hidden = false;
        readAddress();
        form.setAttribute("data-bf-ready", "");
        say("");
        await search();
      })
      .catch(function (error) {
        say("Search is not available: " + error.message);
      });
  }

  var form = document.querySelector("form.bf-search[data-bf-bundles]");
  if (form) setUp(form);
})();

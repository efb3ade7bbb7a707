/* The search page: queries the site's Pagefind bundles (one per language, built by the briefings
   plugin) in the browser, as the reader types, and lists each result once: a briefing, a quote,
   an actor or a story, with the passage that matched (marked) and a link that opens that passage.
   Filters come from the index itself. The query and filters live in the address (?q=...&story=...),
   so a search can be shared and the header's search box can start one.

   Results speak the reader's reading language: titles are written in English and in the original
   as the site's alternatives (bf-en, bf-orig), which the stylesheet shows by the class on <html>;
   the page's own words are copied from the page (.bf-search-words, rendered in its languages);
   each excerpt says which language it is in. Everything shown from the index is set as text.

   Loaded on the search page only, as a classic script after the page's content: it needs the
   form.bf-search that render/search_page.py writes, and briefings.css. */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var DEBOUNCE_MS = 250;
  var EXCERPT_WORDS = 32; // the longest excerpt, in words
  var LEAD_WORDS = 6; // words kept before the first match when a passage is cut

  /* -- the page's own words ---------------------------------------------------------------- */

  /* Words rendered by the page in its languages (render/i18n.py): `nodes` copies them as they
     are (alternatives the stylesheet picks from), `plain` gives the text of the reading language
     for places that hold no markup (a select's options). `{name}` fields are filled in both. */
  function wordBook(box) {
    function entry(key) {
      return box.querySelector('[data-bf-word="' + CSS.escape(key) + '"]');
    }
    function fill(text, fields) {
      return text.replace(/\{(\w+)\}/g, function (whole, name) {
        return fields && name in fields ? String(fields[name]) : whole;
      });
    }
    var original = box.querySelector(".bf-orig[lang]");
    var uiLanguage = original ? original.getAttribute("lang") : null;
    return {
      has: function (key) {
        return entry(key) !== null;
      },
      nodes: function (key, fields) {
        var fragment = document.createDocumentFragment();
        var source = entry(key);
        if (!source) return fragment;
        source.childNodes.forEach(function (node) {
          fragment.appendChild(node.cloneNode(true));
        });
        var walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
        for (var text = walker.nextNode(); text; text = walker.nextNode()) {
          text.textContent = fill(text.textContent, fields);
        }
        return fragment;
      },
      plain: function (key, fields) {
        var source = entry(key);
        if (!source) return "";
        var reading = document.documentElement.classList.contains("bf-read-original") && uiLanguage;
        var chosen = (reading && source.querySelector('[lang="' + uiLanguage + '"]')) ||
          source.querySelector('[lang="en"]') || source;
        return fill(chosen.textContent, fields);
      },
      valueKey: function (prefix, value) {
        var found = box.querySelector('[data-bf-word^="' + prefix + '"][data-bf-value="' + CSS.escape(value) + '"]');
        return found ? found.getAttribute("data-bf-word") : null;
      }
    };
  }

  function element(tag, className, children) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /* -- the passage that matched --------------------------------------------------------------- */

  /* The words of a document's text, as Pagefind counts them for its match locations. */
  function contentWords(data) {
    if ((data.raw_content || "").indexOf("\u200B") >= 0) {
      // segmented on the server (languages without spaces): words end at zero-width spaces
      return data.raw_content.split("\u200B").map(function (word) {
        return word.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
      });
    }
    return (data.content || "").split(/[\r\n\s]+/g);
  }

  /* The document's passages: the text before its first id, and from each id to the next. Every
     id in a search document is a place on the page (render/search.py). */
  function passages(data, length) {
    var anchors = (data.anchors || []).slice().sort(function (a, b) { return a.location - b.location; });
    var list = [{ id: "", start: 0 }].concat(anchors.map(function (anchor) {
      return { id: anchor.id, start: anchor.location };
    }));
    list.forEach(function (passage, n) {
      passage.end = n + 1 < list.length ? list[n + 1].start : length;
      passage.hits = [];
    });
    return list.filter(function (passage) { return passage.end > passage.start; });
  }

  /* The longest run of consecutive matched words: the phrase a reader typed, where it occurs. */
  function longestRun(hits) {
    var at = hits.map(function (hit) { return hit.location; }).sort(function (a, b) { return a - b; });
    var longest = 0, run = 0;
    at.forEach(function (location, n) {
      if (n > 0 && location === at[n - 1] + 1) run += 1;
      else if (n === 0 || location !== at[n - 1]) run = 1; // the same place twice: still the run
      longest = Math.max(longest, run);
    });
    return longest;
  }

  function plainWord(word) {
    return (word || "").toLowerCase().normalize("NFD").replace(/[^\p{L}\p{N}]/gu, "");
  }

  /* The length of the longest run of letters two words share ("memblokir", "pemblokiran": 8). */
  function shared(a, b) {
    var longest = 0;
    for (var i = 0; i < a.length; i++) {
      for (var j = 0; j < b.length; j++) {
        var n = 0;
        while (i + n < a.length && j + n < b.length && a[i + n] === b[j + n]) n++;
        longest = Math.max(longest, n);
      }
    }
    return longest;
  }

  /* How many of the query's words the hits stand for: each hit counts for the query word it
     shares the most letters with (Pagefind says where words matched, not which query word). */
  function distinctWords(hits, words, query) {
    var seen = {};
    hits.forEach(function (hit) {
      var word = plainWord(words[hit.location]);
      var best = 0, bestLength = -1;
      query.forEach(function (wanted, n) {
        var length = shared(word, wanted);
        if (length > bestLength) { best = n; bestLength = length; }
      });
      seen[query.length ? best : word] = true;
    });
    return Object.keys(seen).length;
  }

  /* The passage that holds the query best: the longest run of matched words (the phrase), then
     the most different words matched, then the highest score, then the first; null when the
     words matched only the title or other names. */
  function bestPassage(data, words, query) {
    var list = passages(data, words.length);
    (data.weighted_locations || []).forEach(function (hit) {
      var passage = list.find(function (p) { return hit.location >= p.start && hit.location < p.end; });
      if (passage) passage.hits.push(hit);
    });
    var best = null;
    list.forEach(function (passage) {
      if (!passage.hits.length) return;
      passage.rank = [
        longestRun(passage.hits),
        distinctWords(passage.hits, words, query),
        passage.hits.reduce(function (sum, hit) { return sum + hit.balanced_score; }, 0)
      ];
      if (!best || better(passage.rank, best.rank)) best = passage;
    });
    return best;
  }

  function better(a, b) {
    for (var n = 0; n < a.length; n++) {
      if (a[n] !== b[n]) return a[n] > b[n];
    }
    return false;
  }

  /* Where an excerpt of `size` words starts: in the first window with the most different matched
     words, then the highest score; a few words before its first match; kept full to the
     passage's end. */
  function excerptStart(passage, words, query, size) {
    if (passage.end - passage.start <= size) return passage.start;
    var best = passage.start, bestRank = null;
    for (var start = passage.start; start + size <= passage.end; start++) {
      var inside = passage.hits.filter(function (hit) {
        return hit.location >= start && hit.location < start + size;
      });
      var rank = [distinctWords(inside, words, query), inside.reduce(function (sum, hit) { return sum + hit.balanced_score; }, 0)];
      if (!bestRank || better(rank, bestRank)) { best = start; bestRank = rank; }
    }
    var first = passage.hits.map(function (hit) { return hit.location; })
      .filter(function (location) { return location >= best; })
      .reduce(function (a, b) { return Math.min(a, b); }, Infinity);
    if (first === Infinity) return best;
    return Math.min(Math.max(best, first - LEAD_WORDS), passage.end - size);
  }

  /* The excerpt as text nodes, the matched words in <mark>, an ellipsis where the passage is cut. */
  function excerptNodes(words, query, passage, marked) {
    var start = excerptStart(passage, words, query, EXCERPT_WORDS);
    var end = Math.min(passage.end, start + EXCERPT_WORDS);
    var nodes = [];
    var text = start > passage.start ? "\u2026" : "";
    for (var at = start; at < end; at++) {
      if (at > start) text += " ";
      if (marked[at]) {
        if (text) nodes.push(text);
        nodes.push(element("mark", "", [words[at] || ""]));
        text = "";
      } else {
        text += words[at] || "";
      }
    }
    text += end < passage.end ? "\u2026" : "";
    if (text) nodes.push(text);
    return nodes;
  }

  /* Who said the quote at `id`: the document lists its quotes' speakers in the order of their
     passages (render/search.py). */
  function speakerOf(data, id) {
    var quotes = (data.anchors || [])
      .filter(function (anchor) { return /^quote-/.test(anchor.id); })
      .sort(function (a, b) { return a.location - b.location; })
      .map(function (anchor) { return anchor.id; });
    try {
      var names = JSON.parse((data.meta || {}).speakers || "[]");
      return names[quotes.indexOf(id)] || "";
    } catch (error) {
      console.warn("search: the speakers of " + data.url + " are not readable: " + error.message);
      return "";
    }
  }

  /* What a result shows and opens: its passage (or, when only its title or names matched, the
     beginning of its text, unmarked) and the address of the passage on the page; a result whose
     passage is a quote is shown as that quote. */
  function hitOf(data, query) {
    var words = contentWords(data);
    var passage = bestPassage(data, words, query);
    var marked = {};
    if (passage) {
      passage.hits.forEach(function (hit) { marked[hit.location] = true; });
    } else {
      passage = passages(data, words.length)[0] || { id: "", start: 0, end: words.length, hits: [] };
    }
    var anchor = passage.hits.length ? passage.id : "";
    var quote = /^quote-/.test(anchor);
    return {
      page: data.url,
      anchor: anchor,
      kind: quote ? "Quote" : (data.meta || {}).kind,
      speaker: quote ? speakerOf(data, anchor) : "",
      excerpt: excerptNodes(words, query, passage, marked),
      data: data
    };
  }

  /* -- a result ------------------------------------------------------------------------------ */

  function titleNodes(meta) {
    if (meta.title_orig && meta.title_orig !== meta.title_en) {
      var english = element("span", "bf-alt bf-en", [meta.title_en || ""]);
      english.lang = "en";
      var original = element("span", "bf-alt bf-orig", [meta.title_orig]);
      original.lang = meta.orig || "";
      return [english, original];
    }
    return [meta.title_en || meta.title || ""];
  }

  /* `2023-07-13` as the page's words write it, `13 July 2023`, in each of the page's languages. */
  function dateNode(words, iso) {
    var parts = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso || "");
    if (!parts) return null;
    var time = element("time", "", []);
    time.dateTime = iso;
    if (!parts[2]) {
      time.textContent = parts[1];
      return time;
    }
    var day = parts[3] ? String(Number(parts[3])) + " " : "";
    var months = words.nodes("month-" + Number(parts[2]));
    months.childNodes.forEach(function (node) {
      node.textContent = day + node.textContent + " " + parts[1];
    });
    time.appendChild(months);
    return time;
  }

  function factNodes(words, hit) {
    var meta = hit.data.meta || {};
    var kind = (hit.kind || "").toLowerCase();
    var facts = [words.has(kind) ? words.nodes(kind) : hit.kind];
    if (hit.speaker) facts.push(hit.speaker);
    if (meta.actor_kind && words.has(meta.actor_kind)) facts.push(words.nodes(meta.actor_kind));
    if (meta.outlet) facts.push(meta.outlet);
    var date = dateNode(words, meta.date);
    if (date) facts.push(date);
    if (meta.briefings) {
      var count = Number(meta.briefings);
      facts.push(words.nodes(count === 1 ? "briefings-count-1" : "briefings-count", { n: count }));
    }
    var nodes = [];
    facts.filter(Boolean).forEach(function (fact, n) {
      if (n) nodes.push(" \u00b7 ");
      nodes.push(fact);
    });
    return nodes;
  }

  function resultItem(words, hit, language, root) {
    var meta = hit.data.meta || {};
    var link = element("a", "", titleNodes(meta));
    link.href = pageHref(hit.page, root) + (hit.anchor ? "#" + encodeURIComponent(hit.anchor) : "");
    var label = element("span", "bf-search-lang", []);
    label.appendChild(words.has("language-" + language) ? words.nodes("language-" + language) : document.createTextNode(language.toUpperCase()));
    var excerpt = element("p", "bf-search-excerpt", [label, " "].concat(hit.excerpt));
    excerpt.lang = language;
    var item = element("li", "bf-search-result", [
      element("p", "bf-search-title", [link]),
      element("p", "bf-search-meta", factNodes(words, hit)),
      excerpt
    ]);
    item.setAttribute("data-bf-url", hit.page);
    return item;
  }

  function pageHref(url, root) {
    var resolved = new URL(url, window.location.origin);
    return resolved.origin === window.location.origin ? resolved.pathname : root.pathname;
  }

  /* -- the page ------------------------------------------------------------------------------ */

  function setUp(form) {
    var root = new URL(form.getAttribute("data-bf-root"), window.location.href);
    var bundles = new URL(form.getAttribute("data-bf-bundles"), window.location.href);
    var ranking = JSON.parse(form.getAttribute("data-bf-ranking") || "{}");
    var words = wordBook(document.querySelector(".bf-search-words"));
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
    var queryWords = []; // the words of the query shown, as plainWord writes them
    var timer = null;

    function say(key, fields) {
      status.replaceChildren(key ? words.nodes(key, fields) : "");
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
          await module.options({ basePath: bundle.pathname, baseUrl: root.pathname, excerptLength: EXCERPT_WORDS, ranking: ranking });
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

    /* Whether an index holds every word of the query. Pagefind leaves out a word its index does
       not hold and matches the others, so an Indonesian query would find English pages by the
       one name they share; each word is looked up on its own (in the index chunks the query has
       just loaded: nothing more is fetched). */
    async function holdsEvery(engine, term, filters) {
      var words = term.split(/\s+/).filter(function (word) { return /[\p{L}\p{N}]/u.test(word); });
      if (words.length < 2) return true;
      var counts = await Promise.all(words.map(function (word) {
        return engine.module.search(word, { filters: filters }).then(function (found) {
          return found.results.length;
        });
      }));
      return counts.every(function (count) { return count > 0; });
    }

    /* Every language's results by score, from the indexes that hold every word of the query.
       With words to find, a result whose score is 0 matched only fields that are shown, not
       searched (render/search.py: DISPLAY_META), and is left out. */
    async function searchAll(term, filters) {
      var each = await Promise.all(
        engines.map(async function (engine) {
          var found = await engine.module.search(term, { filters: filters });
          if (term !== null && !(await holdsEvery(engine, term, filters))) return [];
          // Pagefind's own result object is kept, not just its data(): Pagefind releases a
          // result's data in its worker once that object is garbage-collected.
          return found.results
            .filter(function (result) { return term === null || result.score > 0; })
            .map(function (result) {
              return { score: result.score, result: result, language: engine.language };
            });
        })
      );
      return [].concat.apply([], each).sort(function (a, b) { return b.score - a.score; });
    }

    function optionLabel(select, value) {
      if (!value) return words.plain("search-any");
      if (select.name === "kind" && words.has(value.toLowerCase())) return words.plain(value.toLowerCase());
      var language = select.name === "language" && words.valueKey("language-", value);
      return language ? words.plain(language) : value;
    }

    function labelOptions() {
      selects.forEach(function (select) {
        Array.prototype.forEach.call(select.options, function (option) {
          option.textContent = optionLabel(select, option.value);
        });
      });
    }

    function fillFilters(available) {
      selects.forEach(function (select) {
        var values = Object.keys(available[select.name] || {}).sort(function (a, b) {
          return a.localeCompare(b);
        });
        values.forEach(function (value) {
          var option = document.createElement("option");
          option.value = value;
          select.appendChild(option);
        });
        select.disabled = values.length === 0;
      });
      labelOptions();
    }

    /* The filters' values are the largest part of an index (every actor, story and outlet), so
       they are fetched only when a reader opens the filters or the address names one. */
    var filtersLoaded = null;
    function loadFilters() {
      if (!filtersLoaded) {
        filtersLoaded = allFilters().then(fillFilters, function (error) {
          say("search-no-filters", { error: error.message });
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

    /* The reading language's copy of a result, when the same page matched in both languages
       within the batch being shown; otherwise the best-ranked copy. */
    function preferred(language) {
      var classes = document.documentElement.classList;
      if (classes.contains("bf-read-en")) return language === "en";
      if (classes.contains("bf-read-original")) return language !== "en";
      return false;
    }

    async function showMore() {
      var number = searchNumber;
      var batch = [];
      var keys = {};
      while (shown < current.length && batch.length < PAGE_SIZE) {
        var result = current[shown++];
        var data = await result.result.data();
        if (number !== searchNumber) return;
        if (!data || !data.url) {
          console.warn("search: no data for a result of the " + result.language + " index");
          continue;
        }
        var hit = hitOf(data, queryWords);
        var earlier = keys[hit.page];
        if (earlier !== undefined) {
          if (preferred(result.language) && !preferred(batch[earlier].language)) {
            batch[earlier] = { hit: hit, language: result.language };
          }
          continue;
        }
        if (list.querySelector('[data-bf-url="' + CSS.escape(hit.page) + '"]')) continue;
        keys[hit.page] = batch.length;
        batch.push({ hit: hit, language: result.language });
      }
      batch.forEach(function (entry) {
        list.appendChild(resultItem(words, entry.hit, entry.language, root));
      });
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
      say("search-searching");
      try {
        var found = await searchAll(term || null, filters);
        if (number !== searchNumber) return;
        current = found;
        queryWords = term.split(/\s+/).map(plainWord).filter(Boolean);
        shown = 0;
        list.replaceChildren();
        await showMore();
      } catch (error) {
        if (number === searchNumber) say("search-failed", { error: error.message });
        return;
      }
      if (number !== searchNumber) return;
      announce();
    }

    function announce() {
      var count = list.children.length;
      if (count === 0) say("search-none");
      else if (more.hidden) say(count === 1 ? "search-count-1" : "search-count", { n: count });
      else say("search-best", { n: count });
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
    // the reading language can change on this page (its reading control): options are plain text
    new MutationObserver(labelOptions).observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });

    labelOptions();
    say("search-loading");
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
        say("search-unavailable", { error: error.message });
      });
  }

  var form = document.querySelector("form.bf-search[data-bf-bundles]");
  if (form) setUp(form);
})();

/* sourcediff HTML report: a shared sentence, hovered or clicked, lights up its counterparts in
   the other columns; a click also scrolls them into view and narrows the sidebar to the pairs
   of that sentence, with their word diffs. All links come from the page itself: a sentence's
   data-pairs names findings ("f3"), a finding's data-members names the sentences it joins
   ("d0-s2 d1-s10"). A shared quote works the same way: its badge, or its entry in the header,
   lights up every place the quote stands (data-quote). Without this script the page still
   shows everything. */
(() => {
  "use strict";

  const root = document.documentElement;
  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const SHARED = ".s[data-pairs]";
  let selected = null;
  let hovered = null;

  const byId = (id) => document.getElementById(id);
  const words = (el, name) => (el.getAttribute(name) || "").split(" ").filter(Boolean);
  const findingsOf = (sentence) => words(sentence, "data-pairs").map(byId).filter(Boolean);
  const columnOf = (el) => el.closest(".doc");

  /* The sentences joined to `sentence` by its pairs: those in other articles, and those in
     its own article (the rest of a passage read over several sentences). */
  function linked(sentence) {
    const others = [];
    const same = [];
    for (const finding of findingsOf(sentence)) {
      for (const id of words(finding, "data-members")) {
        const el = byId(id);
        if (!el || el === sentence || others.includes(el) || same.includes(el)) continue;
        (columnOf(el) === columnOf(sentence) ? same : others).push(el);
      }
    }
    return { others, same };
  }

  function unmark(name) {
    for (const el of document.querySelectorAll("." + name)) el.classList.remove(name);
  }

  /* Scrolls a sentence into view inside its own column (not the whole page), into the part of
     the column the reader can see: the page may be scrolled so that the column runs below the
     window. When hardly any of the column is on screen, the workspace is brought up first.
     The strip of columns scrolls sideways when the column is out of sight. */
  function reveal(el) {
    const behavior = reduceMotion ? "auto" : "smooth";
    const pane = el.closest(".doc-text");
    if (pane) {
      const seen = () => {
        const box = pane.getBoundingClientRect();
        return [Math.max(box.top, 0), Math.min(box.bottom, window.innerHeight)];
      };
      let [top, bottom] = seen();
      if (bottom - top < Math.min(200, pane.clientHeight)) {
        pane.closest(".workspace").scrollIntoView({ block: "start" });
        [top, bottom] = seen();
      }
      const r = el.getBoundingClientRect();
      if (r.top < top || r.top + Math.min(r.height, (bottom - top) / 2) > bottom) {
        const by = r.top - top - (bottom - top) / 4;
        pane.scrollTo({ top: Math.max(0, pane.scrollTop + by), behavior });
      }
    }
    const column = columnOf(el);
    const strip = el.closest(".columns");
    if (column && strip) {
      const c = column.getBoundingClientRect();
      const s = strip.getBoundingClientRect();
      if (c.left < s.left || c.right > s.right) {
        strip.scrollTo({ left: strip.scrollLeft + c.left - s.left, behavior });
      }
    }
  }

  /* The sentence an event is about: the sentence itself, or the sentence a tag belongs to. */
  function sentenceAt(target) {
    if (!(target instanceof Element)) return null;
    const tag = target.closest("a.tag[data-for]");
    return tag ? byId(tag.getAttribute("data-for")) : target.closest(SHARED);
  }

  function clear() {
    unmark("is-selected");
    unmark("is-counterpart");
    unmark("is-active");
    unmark("is-lit");
    document.body.classList.remove("has-selection");
    selected = null;
  }

  function select(sentence, scrollSelf) {
    clear();
    selected = sentence;
    const { others, same } = linked(sentence);
    sentence.classList.add("is-selected");
    for (const el of same) el.classList.add("is-selected");
    for (const el of others) el.classList.add("is-counterpart");
    for (const finding of findingsOf(sentence)) finding.classList.add("is-active");
    document.body.classList.add("has-selection");
    if (scrollSelf) reveal(sentence);
    // One counterpart per column is scrolled to: the first, in reading order.
    const seen = new Set();
    for (const el of others) {
      const column = columnOf(el);
      if (!seen.has(column)) {
        seen.add(column);
        reveal(el);
      }
    }
    const sidebar = document.querySelector(".pairs");
    if (sidebar) sidebar.scrollTop = 0;
    try {
      history.replaceState(null, "", "#" + sentence.id);
    } catch (_) {
      /* Some browsers refuse history changes on file:// pages; the link is a nicety. */
    }
  }

  /* Chooses quote `i`: every place it stands lights up and is scrolled to (`focus` first, in
     its column), and its entries are marked. */
  function selectQuote(i, focus) {
    clear();
    const places = [...document.querySelectorAll(`.q[data-quote="${i}"]`)];
    for (const el of places) el.classList.add("is-lit");
    for (const el of document.querySelectorAll(`.quote-row[data-quote="${i}"], .quote-entry[data-quote="${i}"]`)) {
      el.classList.add("is-active");
    }
    document.body.classList.add("has-selection");
    const seen = new Set();
    if (focus && columnOf(focus)) {
      seen.add(columnOf(focus));
      reveal(focus);
    }
    for (const el of places) {
      const column = columnOf(el);
      if (column && !seen.has(column)) {
        seen.add(column);
        reveal(el);
      }
    }
    const sidebar = document.querySelector(".pairs");
    if (sidebar) sidebar.scrollTop = 0;
  }

  /* A click on a quote badge, an occurrence link or a quote's entry: the quote it is about,
     and the place to show first. */
  function quoteAt(target) {
    const el = target.closest(".qbadge, .occ-ref, .quote-row, .quote-entry");
    if (!el) return null;
    const i = el.getAttribute("data-quote");
    const href = el.matches("a") ? el.getAttribute("href").slice(1) : "";
    const place = el.closest(".doc") ? el.closest(".q") : byId(href);
    return { i, place: place && place.matches(".q") ? place : null };
  }

  document.addEventListener("click", (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    // A reader selecting text to copy is not choosing a sentence.
    if (String(window.getSelection() || "") !== "") return;
    if (target.closest(".clear")) {
      clear();
      return;
    }
    const quote = quoteAt(target);
    if (quote) {
      event.preventDefault();
      selectQuote(quote.i, quote.place);
      return;
    }
    // A tag in a column ("~B11") chooses its own sentence; a reference in the sidebar chooses
    // the sentence it names and scrolls to it.
    const sentence = sentenceAt(target);
    const ref = target.closest("a.ref");
    if (ref) event.preventDefault();
    if (ref && !sentence) {
      const named = byId(ref.getAttribute("href").slice(1));
      if (named) select(named, true);
      return;
    }
    if (sentence) {
      if (sentence === selected) clear();
      else select(sentence, false);
      return;
    }
    const finding = target.closest(".finding");
    if (finding) {
      const first = byId(words(finding, "data-members")[0] || "");
      if (first) select(first, true);
    }
  });

  document.addEventListener("mouseover", (event) => {
    const sentence = sentenceAt(event.target);
    if (sentence === hovered) return;
    unmark("is-linked");
    hovered = sentence;
    if (sentence) for (const el of linked(sentence).others) el.classList.add("is-linked");
  });

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      clear();
      return;
    }
    const target = event.target;
    if ((event.key === "Enter" || event.key === " ") && target instanceof Element && target.matches(SHARED)) {
      event.preventDefault();
      if (target === selected) clear();
      else select(target, false);
    }
  });

  // A link to a sentence ("report.html#d1-s10") opens the page with that sentence chosen.
  const start = location.hash ? byId(decodeURIComponent(location.hash.slice(1))) : null;
  if (start && start.matches(SHARED)) select(start, true);

  root.setAttribute("data-ready", "true");
})();

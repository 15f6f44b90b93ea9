/*
 * Recognises an OpenAI error message pasted into the search box and shows its page
 * above the search results. The site's search ranks pages by loose word matches, so
 * a long message would otherwise land on whichever page shares its commonest words.
 * The messages come from errors/messages.json, which the build writes per language.
 */
(() => {
  "use strict";

  const MIN_LENGTH = 12;
  const THRESHOLD = 0.5;

  const settings = document.getElementById("__config");
  const input = document.querySelector("input.md-search__input");
  const results = document.querySelector(".md-search-result");
  if (!settings || !input || !results) return;

  const source = new URL(`${JSON.parse(settings.textContent).base}/errors/messages.json`, location.href);
  const box = document.createElement("div");
  box.className = "hc-error-match";
  box.setAttribute("aria-live", "polite");
  results.insertBefore(box, results.querySelector(".md-search-result__list"));

  let catalog = null;

  function words(text) {
    const plain = text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    return new Set(plain.split(/[^a-z0-9]+/).filter(Boolean));
  }

  function similarity(query, message) {
    let shared = 0;
    for (const word of query) if (message.has(word)) shared += 1;
    return shared / (query.size + message.size - shared);
  }

  function bestMatch(text) {
    const query = words(text);
    let best = null;
    for (const error of catalog.errors) {
      for (const message of error.words) {
        const score = similarity(query, message);
        if (score >= THRESHOLD && (best === null || score > best.score)) best = { error, score };
      }
    }
    return best && best.error;
  }

  function show(error) {
    box.replaceChildren();
    if (!error) return;
    const label = document.createElement("p");
    label.className = "hc-error-match__label";
    label.textContent = catalog.label;
    const link = document.createElement("a");
    link.className = "md-search-result__link hc-error-match__link";
    link.href = new URL(error.url, source).href;
    const title = document.createElement("h1");
    title.textContent = error.title;
    const verdict = document.createElement("p");
    verdict.textContent = error.verdict;
    const article = document.createElement("article");
    article.className = "md-search-result__article";
    article.append(title, verdict);
    link.append(article);
    box.append(label, link);
  }

  async function update() {
    const text = input.value.trim();
    if (text.length < MIN_LENGTH) return show(null);
    if (catalog === null) {
      const response = await fetch(source);
      if (!response.ok) return;
      catalog = await response.json();
      for (const error of catalog.errors) error.words = error.messages.map(words);
    }
    show(bestMatch(input.value.trim()));
  }

  for (const event of ["input", "keyup", "focus"]) input.addEventListener(event, update);
})();

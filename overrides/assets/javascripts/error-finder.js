/*
 * The search box's part in recognising pasted API errors and reader phrases (the
 * matching is error-match.js over errors/messages.json, written per language by the build):
 * - the page the paste or question is about (a guide, one of its sections, an error) is
 *   shown above Material's results; for a paste that matches nothing with confidence, the
 *   few most likely errors with status and verdict (never for a question);
 * - Material's search receives the query without its query syntax (quotes make a word
 *   required, "word:" names a field), so a pasted JSON body never empties its results;
 * - on errors/lookup/, ?code=…, ?status=…&type=… send the reader to the error's page, or
 *   to the errors index with the search open on the closest candidates.
 */
(() => {
  "use strict";

  const MIN_LENGTH = 3;
  const match = globalThis.helpcenterErrorMatch;
  const settings = document.getElementById("__config");
  if (!match || !settings) return;

  const source = new URL(`${JSON.parse(settings.textContent).base}/errors/messages.json`, location.href);
  let loading = null;

  function catalog() {
    loading ??= fetch(source)
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((data) => ({ data, finder: new match.Finder(data) }));
    return loading;
  }

  function lookupPage() {
    const fallback = document.getElementById("hc-error-lookup");
    if (!fallback) return;
    const params = new URLSearchParams(location.search);
    const asked = {
      code: (params.get("code") || "").trim(),
      status: (params.get("status") || "").trim(),
      type: (params.get("type") || "").trim(),
    };
    if (!asked.code && !asked.status && !asked.type) return;
    catalog().then(({ data }) => {
      const slug = match.lookup(data.errors, asked);
      if (slug) {
        location.replace(new URL(`${slug}/`, source).href);
        return;
      }
      // An unknown code's words would only mislead: the status and type pick the candidates.
      const type = asked.type ? `{'type': '${asked.type.replace(/'/g, "")}'}` : "";
      const status = asked.status ? `Error code: ${asked.status}` : "";
      const query = [status, type].filter(Boolean).join(" - ") || asked.code;
      const index = new URL("./", source);
      index.searchParams.set("q", query);
      location.replace(index.href);
    });
  }

  lookupPage();

  const input = document.querySelector("input.md-search__input");
  const results = document.querySelector(".md-search-result");
  if (!input || !results) return;

  const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value");
  const typed = () => native.get.call(input);
  let ignored = new Set();
  // Material reads the query from the input's value; it gets the sanitised words, the
  // reader keeps seeing what they pasted.
  Object.defineProperty(input, "value", {
    configurable: true,
    get() {
      const text = typed();
      return match.searchQuery(text, ignored);
    },
    set(value) {
      native.set.call(input, value);
    },
  });

  const box = document.createElement("div");
  box.className = "hc-error-match";
  box.setAttribute("aria-live", "polite");
  results.insertBefore(box, results.querySelector(".md-search-result__list"));

  function entry(url, title, detail) {
    const link = document.createElement("a");
    link.className = "md-search-result__link hc-error-match__link";
    link.href = new URL(url, source).href;
    const heading = document.createElement("h1");
    heading.textContent = title;
    const article = document.createElement("article");
    article.className = "md-search-result__article";
    article.append(heading);
    if (detail) {
      const text = document.createElement("p");
      text.textContent = detail;
      article.append(text);
    }
    link.append(article);
    return link;
  }

  function label(text, className) {
    const element = document.createElement("p");
    element.className = `hc-error-match__label ${className}`;
    element.textContent = text;
    return element;
  }

  function show(data, result, text) {
    box.replaceChildren();
    box.dataset.query = text;
    box.dataset.match = result ? result.match || "" : "";
    box.dataset.candidates = result ? result.candidates.join(" ") : "";
    if (!result) return;
    const bySlug = new Map(data.errors.map((error) => [error.slug, error]));
    if (result.kind === "error") {
      const error = bySlug.get(result.match);
      box.append(label(data.label, "hc-error-match__label--error"), entry(error.url, error.title, error.verdict));
    } else if (result.kind === "guide") {
      const guide = data.guides.find((each) => each.url === result.match);
      const link = entry(guide.url, guide.title, "");
      link.classList.add("hc-error-match__link--guide");
      box.append(label(data.guide_label, "hc-error-match__label--guide"), link);
    } else if (result.candidates.length) {
      const list = document.createElement("div");
      list.className = "hc-error-candidates";
      for (const slug of result.candidates) {
        const error = bySlug.get(slug);
        list.append(entry(error.url, error.title, error.verdict));
      }
      box.append(label(data.candidates_label, "hc-error-match__label--candidates"), list);
    }
  }

  async function update() {
    const text = typed().trim();
    if (text.length < MIN_LENGTH) return show(null, null, text);
    let loaded;
    try {
      loaded = await catalog();
    } catch {
      return;
    }
    ignored = new Set(loaded.data.search_ignored);
    if (typed().trim() !== text) return;
    show(loaded.data, loaded.finder.find(text), text);
  }

  for (const event of ["input", "keyup", "focus"]) input.addEventListener(event, update);
  if (typed().trim()) update();
})();

/*
 * Matches what a reader pastes or types to the page that answers it, over
 * errors/messages.json. The same steps as helpcenter/tools/errorfinder.py, which is their
 * reference and documents them; keep the two in step (the browser tests compare them).
 * Pure functions only: error-finder.js does the page's part.
 */
(() => {
  "use strict";

  const MATCH = 0.6;
  const NARROWED_MATCH = 0.3;
  const CANDIDATE = 0.2;
  const COVERAGE = 0.5;
  const MATCH_WORDS = 2;
  const CANDIDATES = 3;
  const ROUND = 1e9;

  const URL_RE = /https?:\/\/\S+|www\.\S+/g;
  const MASKED = /\S*\*\*\S*/g;
  const ID = /\b[a-z]+-[a-z0-9.-]*[0-9][a-z0-9.-]*/g;
  const SPLIT = /[^a-z0-9]+/;
  const DIGIT = /[0-9]/;
  const CODE = /["']code["']\s*:\s*(?:["']([^"']*)["']|(null|none)\b)/i;
  const TYPE = /["']type["']\s*:\s*["']([^"']*)["']/i;
  const PARAM = /["']param["']\s*:\s*["']([^"']*)["']/i;
  const STATUS = [
    /\berror code:?\s*([1-5][0-9][0-9])\b/i,
    /["']status(?:_code)?["']\s*:\s*([1-5][0-9][0-9])\b/i,
    /\b(?:http|status(?: code)?)\s*:?\s*([1-5][0-9][0-9])\b/i,
    /^\s*([1-5][0-9][0-9])\s*[-:]\s/,
  ];
  const SEARCH_SYNTAX = /[\s"'`:+\-~^*{}[\](),;=<>|\\]+/;
  const SEARCH_DROPPED = /^[0-9]{4,}$|^[0-9a-f]{16,}$|^[a-z]+_[0-9a-z]{12,}$/;
  const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

  function normalized(text) {
    return text.toLowerCase().normalize("NFKD").replace(MARKS, "");
  }

  function words(text, ignored) {
    const plain = normalized(text).replace(URL_RE, " ").replace(MASKED, " ").replace(ID, " ");
    const result = new Set();
    for (const word of plain.split(SPLIT)) {
      if (word && !DIGIT.test(word) && !ignored.has(word)) result.add(word);
    }
    return result;
  }

  function searchQuery(text, ignored) {
    return text
      .split(SEARCH_SYNTAX)
      .filter(
        (word) =>
          word &&
          word !== "." &&
          !ignored.has(normalized(word)) &&
          !SEARCH_DROPPED.test(normalized(word)),
      )
      .join(" ");
  }

  function fields(text, codes, exceptions) {
    const code = CODE.exec(text);
    let foundCode = code && code[1] !== undefined ? code[1] : null;
    if (foundCode === null && !code) {
      foundCode = (text.toLowerCase().match(/[a-z0-9_]+/g) || []).find((w) => codes.has(w)) || null;
    }
    const type = TYPE.exec(text);
    const param = PARAM.exec(text);
    let status = null;
    for (const pattern of STATUS) {
      const found = pattern.exec(text);
      if (found) {
        status = Number(found[1]);
        break;
      }
    }
    const seen = [];
    for (const name of text.match(/[A-Za-z]+/g) || []) {
      if (exceptions.has(name) && !seen.includes(name)) seen.push(name);
    }
    const result = {
      code: foundCode || null,
      codeIsNull: Boolean(code) && code[1] === undefined,
      param: param ? param[1] : null,
      type: type ? type[1] : null,
      status,
      exceptions: seen,
    };
    result.any = Boolean(
      result.code || result.codeIsNull || result.param || result.type || result.status || seen.length,
    );
    return result;
  }

  function byWord(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  class Finder {
    constructor(data) {
      this.errors = data.errors;
      this.guides = data.guides || [];
      this.ignored = new Set(data.ignored);
      const documents = [...this.errors, ...this.guides];
      this.texts = documents.map((doc) => doc.texts.map((text) => [...words(text, this.ignored)]));
      const frequency = new Map();
      for (const texts of this.texts) {
        for (const word of new Set(texts.flat())) frequency.set(word, (frequency.get(word) || 0) + 1);
      }
      this.weight = new Map();
      for (const [word, count] of frequency) this.weight.set(word, Math.log(1 + documents.length / count));
      this.codes = new Set(this.errors.map((e) => e.code).filter(Boolean));
      this.exceptions = new Set([
        ...this.errors.map((e) => e.exception).filter(Boolean),
        ...data.sdk_exceptions,
      ]);
    }

    score(query, index, coverageAtLeast) {
      const known = [...query].filter((word) => this.weight.has(word)).sort(byWord);
      if (!known.length) return 0;
      let total = 0;
      for (const word of known) total += this.weight.get(word);
      let best = 0;
      for (const text of this.texts[index]) {
        if (!text.length) continue;
        const own = new Set(text);
        let shared = 0;
        let common = 0;
        for (const word of known) {
          if (own.has(word)) {
            shared += this.weight.get(word);
            common += 1;
          }
        }
        if (!shared) continue;
        let size = 0;
        for (const word of [...text].sort(byWord)) size += this.weight.get(word);
        const coverage = shared / size;
        if (coverage < coverageAtLeast) continue;
        if (coverageAtLeast && common < Math.min(MATCH_WORDS, known.length)) continue;
        const precision = shared / total;
        best = Math.max(best, (2 * coverage * precision) / (coverage + precision));
      }
      return Math.round(best * ROUND) / ROUND;
    }

    ranked(query, indexes, coverageAtLeast) {
      return indexes
        .map((i) => [i, this.score(query, i, coverageAtLeast)])
        .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    }

    narrowed(found) {
      let chosen = this.errors.map((_, i) => i);
      const steps = [];
      if (found.code) steps.push((e) => e.code === found.code);
      else if (found.codeIsNull) steps.push((e) => e.code === null);
      if (found.param) steps.push((e) => e.param === found.param);
      if (found.exceptions.length) steps.push((e) => found.exceptions.includes(e.exception));
      if (found.status) steps.push((e) => e.status === found.status);
      if (found.type) steps.push((e) => e.type === found.type);
      for (const step of steps) {
        const kept = chosen.filter((i) => step(this.errors[i]));
        if (kept.length) chosen = kept;
      }
      return chosen;
    }

    nearest(status) {
      return this.errors
        .map((e, i) => [i, e.status])
        .filter(([, s]) => s)
        .sort((a, b) => Math.abs(a[1] - status) - Math.abs(b[1] - status) || a[0] - b[0])
        .slice(0, CANDIDATES)
        .map(([i]) => this.errors[i].slug);
    }

    /** {match, kind, candidates}: match is an error's slug or a guide's URL. */
    find(text) {
      const query = words(text, this.ignored);
      const found = fields(text, this.codes, this.exceptions);
      const chosen = found.any ? this.narrowed(found) : [];
      const none = { match: null, kind: null, candidates: [] };
      if (chosen.length > 0 && chosen.length < this.errors.length) {
        if (chosen.length === 1) return { ...none, match: this.errors[chosen[0]].slug, kind: "error" };
        const [best, score] = this.ranked(query, chosen, COVERAGE)[0];
        if (score >= NARROWED_MATCH) return { ...none, match: this.errors[best].slug, kind: "error" };
        const likely = this.ranked(query, chosen, 0).slice(0, CANDIDATES);
        return { ...none, candidates: likely.map(([i]) => this.errors[i].slug) };
      }
      const everything = [...Array(this.errors.length + this.guides.length).keys()];
      const [best, score] = this.ranked(query, everything, COVERAGE)[0];
      if (score >= MATCH) {
        if (best < this.errors.length) return { ...none, match: this.errors[best].slug, kind: "error" };
        return { ...none, match: this.guides[best - this.errors.length].url, kind: "guide" };
      }
      if (found.status) return { ...none, candidates: this.nearest(found.status) };
      const likely = this.ranked(query, everything, 0)
        .filter(([i, value]) => i < this.errors.length && value >= CANDIDATE)
        .map(([i]) => this.errors[i].slug);
      return { ...none, candidates: likely.slice(0, CANDIDATES) };
    }
  }

  /** The slug /errors/lookup/?code=…&status=…&type=… sends the reader to, or null. */
  function lookup(errors, { code = "", status = "", type = "" }) {
    let chosen = errors;
    const tests = [];
    if (code) tests.push((e) => e.code === code);
    if (/^[0-9]+$/.test(status)) tests.push((e) => e.status === Number(status));
    if (type) tests.push((e) => e.type === type);
    let matched = false;
    for (const test of tests) {
      const kept = chosen.filter(test);
      if (kept.length) {
        chosen = kept;
        matched = true;
      }
    }
    if (!matched) return null;
    if (chosen.length === 1) return chosen[0].slug;
    const general = chosen.filter((e) => type && e.code === type);
    return general.length === 1 ? general[0].slug : null;
  }

  const api = { Finder, lookup, searchQuery, words, fields };
  globalThis.helpcenterErrorMatch = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})();

/*
 * Matches what a reader pastes or types to the page that answers it, over
 * errors/messages.json. The same steps as helpcenter/tools/errorfinder.py, which is their
 * reference and documents them; keep the two in step (tests/test_search_questions.py runs
 * this file under node and compares them). Every threshold comes from errors/messages.json
 * ("settings"), written once in helpcenter/wordmatch.py (SETTINGS). Pure functions only: error-finder.js
 * does the page's part.
 */
(() => {
  "use strict";

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
  const STATUS_NUMBER = /^[1-5][0-9][0-9]$/;
  const SEARCH_SYNTAX = /[\s"'`:+\-~^*{}[\](),;=<>|\\]+/;
  const SEARCH_DROPPED = /^[0-9]{4,}$|^[0-9a-f]{16,}$|^[a-z]+_[0-9a-z]{12,}$/;
  const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

  function normalized(text) {
    return text.toLowerCase().normalize("NFKD").replace(MARKS, "");
  }

  function stem(word, size) {
    const single = word.length > 3 && word.endsWith("s") ? word.slice(0, -1) : word;
    return size ? single.slice(0, size) : single;
  }

  /** {"term words": word} as errors/messages.json carries it -> Map("w1 w2" -> word). */
  function synonymTable(terms, size = 0) {
    const table = new Map();
    for (const [term, word] of Object.entries(terms || {})) {
      const key = normalized(term).split(SPLIT).filter(Boolean).map((part) => stem(part, size));
      if (key.length) table.set(key.join(" "), word);
    }
    return table;
  }

  function tokens(text, synonyms, size = 0) {
    const plain = normalized(text).replace(URL_RE, " ").replace(MASKED, " ").replace(ID, " ");
    const parts = plain.split(SPLIT).filter(Boolean);
    if (!synonyms || !synonyms.size) return parts;
    let longest = 0;
    for (const key of synonyms.keys()) longest = Math.max(longest, key.split(" ").length);
    const stems = parts.map((part) => stem(part, size));
    const result = [];
    let index = 0;
    while (index < parts.length) {
      let found = false;
      for (let length = Math.min(longest, parts.length - index); length > 0; length -= 1) {
        const word = synonyms.get(stems.slice(index, index + length).join(" "));
        if (word !== undefined) {
          result.push(word);
          index += length;
          found = true;
          break;
        }
      }
      if (!found) {
        result.push(parts[index]);
        index += 1;
      }
    }
    return result;
  }

  function words(text, ignored, synonyms, size = 0) {
    const result = new Set();
    for (const word of tokens(text, synonyms, size)) {
      if (!DIGIT.test(word) && !ignored.has(word)) result.add(stem(word, size));
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

  function statusOf(text, errorWords, ignored = new Set()) {
    for (const pattern of STATUS) {
      const found = pattern.exec(text);
      if (found) return Number(found[1]);
    }
    const parts = normalized(text).split(SPLIT).filter(Boolean);
    const numbers = parts.filter((part) => STATUS_NUMBER.test(part));
    if (numbers.length !== 1) return null;
    const others = parts.filter((part) => part !== numbers[0]);
    if (others.some((part) => errorWords.has(part)) || others.every((part) => ignored.has(part))) {
      return Number(numbers[0]);
    }
    return null;
  }

  /** Whether one letter added, dropped, changed, or swapped with its neighbour turns first
   * into second (and they differ). */
  function oneLetterApart(first, second) {
    if (first === second || Math.abs(first.length - second.length) > 1) return false;
    if (first.length === second.length) {
      const apart = [];
      for (let i = 0; i < first.length; i += 1) if (first[i] !== second[i]) apart.push(i);
      if (apart.length === 1) return true;
      return (
        apart.length === 2 &&
        apart[1] === apart[0] + 1 &&
        first[apart[0]] === second[apart[1]] &&
        first[apart[1]] === second[apart[0]]
      );
    }
    const [shorter, longer] = first.length < second.length ? [first, second] : [second, first];
    let index = 0;
    while (index < shorter.length && shorter[index] === longer[index]) index += 1;
    return shorter.slice(index) === longer.slice(index + 1);
  }

  function fields(text, codes, exceptions, errorWords, ignored) {
    const code = CODE.exec(text);
    let foundCode = code && code[1] !== undefined ? code[1] : null;
    if (foundCode === null && !code) {
      foundCode = (text.toLowerCase().match(/[a-z0-9_]+/g) || []).find((w) => codes.has(w)) || null;
    }
    const type = TYPE.exec(text);
    const param = PARAM.exec(text);
    const status = statusOf(text, errorWords, ignored);
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
    // A null code is no evidence: many errors have none.
    result.any = Boolean(result.code || result.param || result.type || result.status || seen.length);
    return result;
  }

  function byWord(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  class Finder {
    constructor(data) {
      this.settings = data.settings;
      this.errors = data.errors;
      this.guides = data.guides || [];
      // An exception's name is a field of the paste, not a word ("InternalServerError").
      const names = [...data.errors.map((e) => e.sdk_exception).filter(Boolean), ...data.sdk_exceptions];
      this.ignored = new Set([...data.ignored, ...names.map((name) => name.toLowerCase())]);
      this.errorWords = new Set(data.error_words);
      this.synonyms = synonymTable(data.synonyms, data.settings.stem);
      const documents = [...this.errors, ...this.guides];
      this.texts = documents.map((doc) => doc.texts.map((text) => [...this.words(text)]));
      this.evidence = this.errors.map((e) => e.evidence.map((text) => [...this.words(text)]));
      const frequency = new Map();
      for (const texts of this.texts) {
        for (const word of new Set(texts.flat())) frequency.set(word, (frequency.get(word) || 0) + 1);
      }
      this.weight = new Map();
      for (const [word, count] of frequency) this.weight.set(word, Math.log(1 + documents.length / count));
      this.bodies = documents.map((doc) => this.words(doc.body || ""));
      this.boosts = documents.map((doc) => doc.boost ?? 1);
      const inBodies = new Map();
      for (const body of this.bodies) {
        for (const word of body) inBodies.set(word, (inBodies.get(word) || 0) + 1);
      }
      const bodies = this.bodies.filter((body) => body.size).length;
      this.bodyWeight = new Map();
      for (const [word, count] of inBodies) this.bodyWeight.set(word, Math.log(1 + bodies / count));
      this.vocabulary(documents, data);
      this.codes = new Set(this.errors.map((e) => e.code).filter(Boolean));
      this.exceptions = new Set([
        ...this.errors.map((e) => e.sdk_exception).filter(Boolean),
        ...data.sdk_exceptions,
      ]);
    }

    /** The words a misspelling may be read as (this.spelled, the ones whose stem more pages
     * use first) and every known stem (this.stems). */
    vocabulary(documents, data) {
      const size = this.settings.stem;
      const pages = new Map();
      const known = new Set();
      for (const doc of documents) {
        const seen = new Set();
        for (const text of [...doc.texts, doc.body || ""]) {
          for (const part of tokens(text)) {
            if (DIGIT.test(part)) continue;
            seen.add(stem(part, size));
            known.add(part);
          }
        }
        for (const key of seen) pages.set(key, (pages.get(key) || 0) + 1);
      }
      for (const term of Object.keys(data.synonyms || {})) {
        for (const part of tokens(term)) if (!DIGIT.test(part)) known.add(part);
      }
      this.stems = new Set([...known, ...this.ignored].map((word) => stem(word, size)));
      const shortest = this.settings.typo - 1;
      const used = (word) => pages.get(stem(word, size)) || 0;
      this.spelled = [...known]
        .filter((word) => word.length >= shortest)
        .sort((a, b) => used(b) - used(a) || byWord(a, b));
    }

    /** The text's words, each misspelled one read as the known word one letter away. */
    corrected(text) {
      const size = this.settings.stem;
      return tokens(text)
        .map((part) => {
          if (part.length < this.settings.typo || DIGIT.test(part) || this.stems.has(stem(part, size))) {
            return part;
          }
          return this.spelled.find((word) => word[0] === part[0] && oneLetterApart(part, word)) || part;
        })
        .join(" ");
    }

    words(text) {
      return words(text, this.ignored, this.synonyms, this.settings.stem);
    }

    score(query, texts, coverageAtLeast, strict = false) {
      const known = [...query].filter((word) => this.weight.has(word)).sort(byWord);
      if (!known.length) return 0;
      let total = 0;
      for (const word of known) total += this.weight.get(word);
      let best = 0;
      for (const text of texts) {
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
        for (const word of [...text].sort(byWord)) size += this.weight.get(word) || 0;
        const coverage = shared / size;
        if (coverage < coverageAtLeast) continue;
        if (coverageAtLeast && common < Math.min(this.settings.match_words, own.size)) continue;
        const precision = shared / total;
        if (strict && common < this.settings.match_words && common < known.length) continue;
        best = Math.max(best, (2 * coverage * precision) / (coverage + precision));
      }
      const round = 10 ** this.settings.round;
      return Math.round(best * round) / round;
    }

    ranked(query, indexes, coverageAtLeast) {
      return indexes
        .map((i) => [i, this.score(query, this.texts[i], coverageAtLeast)])
        .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    }

    /** The errors whose message the query holds (all those tied with the best), or none. */
    named(query) {
      const scored = this.errors.map((_, i) => [i, this.score(query, this.evidence[i], this.settings.coverage, true)]);
      const best = Math.max(0, ...scored.map(([, score]) => score));
      if (best < this.settings.match) return [];
      return scored.filter(([, score]) => score === best).map(([i]) => i);
    }

    narrowed(found, named) {
      let chosen = this.errors.map((_, i) => i);
      if (found.code) {
        const kept = chosen.filter((i) => this.errors[i].code === found.code);
        if (kept.length) chosen = kept;
      }
      const steps = [];
      if (found.codeIsNull && !found.code) steps.push((e) => e.code === null);
      if (found.param) steps.push((e) => e.param === found.param);
      if (found.exceptions.length) steps.push((e) => found.exceptions.includes(e.sdk_exception));
      if (found.status) steps.push((e) => e.status === found.status);
      if (found.type) steps.push((e) => e.type === found.type);
      for (const step of steps) {
        const kept = chosen.filter((i) => step(this.errors[i]));
        if (kept.length && (!named.length || named.some((i) => kept.includes(i)))) chosen = kept;
      }
      return chosen;
    }

    nearest(status) {
      return this.errors
        .map((e, i) => [i, e.status])
        .filter(([, s]) => s)
        .sort((a, b) => Math.abs(a[1] - status) - Math.abs(b[1] - status) || a[0] - b[0])
        .slice(0, this.settings.candidates)
        .map(([i]) => this.errors[i].slug);
    }

    /** The page that best answers a question, and its score: its texts' (an error's counting
     * less) plus settings.body times the share of the question its own text holds, times the
     * page's boost (below 1 for a hub of links). */
    answer(query) {
      const round = 10 ** this.settings.round;
      const all = [...this.texts.keys()];
      const scored = this.ranked(query, all, 0)
        .map(([i, score]) => [
          i,
          Math.round(
            (score * (i < this.errors.length ? this.settings.error_answer : 1) +
              this.settings.body * this.boosts[i] * this.bodyScore(query, i)) *
              round,
          ) / round,
        ])
        .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const [best, score] = scored[0];
      const within = this.sectionsOf(best);
      if (!within.length) return [best, score];
      const points = new Map(scored);
      const section = within.sort((a, b) => points.get(b) - points.get(a) || a - b)[0];
      if (points.get(section) > 0 && points.get(section) >= this.settings.section * score) {
        return [section, score];
      }
      return [best, score];
    }

    /** The sections of guide index when it is a whole page (its URL has no anchor). */
    sectionsOf(index) {
      if (index < this.errors.length) return [];
      const url = this.guides[index - this.errors.length].url;
      if (url.includes("#")) return [];
      const first = this.errors.length;
      return this.guides.map((g, i) => [g, first + i]).filter(([g]) => g.url.startsWith(`${url}#`)).map(([, i]) => i);
    }

    /** The share of the query's words (by weight among the bodies) in page index's body. */
    bodyScore(query, index) {
      const known = [...query].filter((word) => this.bodyWeight.has(word)).sort(byWord);
      let total = 0;
      for (const word of known) total += this.bodyWeight.get(word);
      if (!total) return 0;
      const body = this.bodies[index];
      let shared = 0;
      for (const word of known) if (body.has(word)) shared += this.bodyWeight.get(word);
      const round = 10 ** this.settings.round;
      return Math.round((shared / total) * round) / round;
    }

    page(index) {
      if (index < this.errors.length) return { match: this.errors[index].slug, kind: "error" };
      return { match: this.guides[index - this.errors.length].url, kind: "guide" };
    }

    /** {match, kind, candidates, question}: match is an error's slug or a guide's URL. */
    find(text) {
      const settings = this.settings;
      const query = this.words(text);
      const found = fields(text, this.codes, this.exceptions, this.errorWords, this.ignored);
      const named = this.named(query);
      const count = settings.candidates;
      const none = { match: null, kind: null, candidates: [], question: false };
      const error = (i) => ({ ...none, match: this.errors[i].slug, kind: "error" });
      if (found.any) {
        const chosen = this.narrowed(found, named);
        const agreed = named.filter((i) => chosen.includes(i));
        if (agreed.length) return error(agreed[0]);
        if (chosen.length > 0 && chosen.length < this.errors.length) {
          if (chosen.length === 1) return error(chosen[0]);
          const [best, score] = this.ranked(query, chosen, settings.coverage)[0];
          if (score >= settings.narrowed_match) return error(best);
          const likely = this.ranked(query, chosen, 0).slice(0, count);
          return { ...none, candidates: likely.map(([i]) => this.errors[i].slug) };
        }
      } else if (named.length) {
        return error(named[0]);
      }
      const everything = [...Array(this.errors.length + this.guides.length).keys()];
      if (!found.any) {
        const [best, score] = this.answer(this.words(this.corrected(text)));
        if (score < settings.answer) return { ...none, question: true };
        return { ...none, ...this.page(best), question: true };
      }
      const [best, score] = this.ranked(query, everything, settings.coverage)[0];
      if (score >= settings.match) return { ...none, ...this.page(best) };
      if (found.status) return { ...none, candidates: this.nearest(found.status) };
      const likely = this.ranked(query, everything, 0)
        .filter(([i, value]) => i < this.errors.length && value >= settings.candidate)
        .map(([i]) => this.errors[i].slug);
      return { ...none, candidates: likely.slice(0, count) };
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

  const api = { Finder, lookup, searchQuery, words, tokens, synonymTable, fields };
  globalThis.helpcenterErrorMatch = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})();

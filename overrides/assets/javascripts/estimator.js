/*
 * The monthly cost estimator on the models page (<!-- md:estimator -->).
 *
 * It computes exactly what helpcenter/tools/estimate.py computes, with integers (BigInt) instead
 * of Decimal: prices in millionths of a dollar (the build refuses prices with more decimals),
 * so every cost is an exact fraction over 10^14 dollars, and it rounds the same way:
 * amounts half up to cents, or to four decimals when under a cent; the days the minimum
 * credit lasts down to tenths.
 *
 * The prices come from the models.json the build publishes at the language's root; the
 * models, their order and every word come from the page. A miss of the prompt cache is billed
 * at the model's cache-write price when it has one (at its input price otherwise); reasoning
 * tokens only on reasoning models. The models being retired sit in an <optgroup>: chosen, one
 * is compared with its replacement (its option's data-replacement). Every price is multiplied by
 * the chosen service tier's multiplier in force on the day models.json stands for (its as_of;
 * billing.service_tiers); a tier is offered only for the models its option names
 * (data-models), and the comparison lists only those. The inputs live in the URL's query string
 * (?model=…&tier=…&conversations=…&messages=…&input=…&output=…&cached=…&reasoning=…),
 * so a link
 * reproduces an estimate, and the language switcher's links carry them to the same page in
 * the other language.
 */
(() => {
  "use strict";

  const form = document.querySelector("form.hc-estimator");
  const settings = document.getElementById("__config");
  if (!form || !settings) return;

  const PRICE_DECIMALS = 6;
  const PRICE_SCALE = 10n ** BigInt(PRICE_DECIMALS);
  // A message's cost, in dollars, is its numerator over 100 (percent) × 10^6 (price scale)
  // × 10^6 (the tier's multiplier, in millionths) × 10^6 (prices are per million tokens).
  const DENOMINATOR = 100n * PRICE_SCALE * PRICE_SCALE * 1_000_000n;
  const FIELDS = ["conversations", "messages", "input", "output", "cached", "reasoning"];

  const body = form.querySelector(".hc-estimator__body");
  const select = form.elements.model;
  const tierSelect = form.elements.tier;
  const notice = form.querySelector(".hc-estimator__needs-js");
  const text = JSON.parse(form.querySelector(".hc-estimator__text").textContent);
  const out = (name) => form.querySelector(`[data-estimator-out="${name}"]`);
  const figures = form.querySelector(".hc-estimator__figures");
  const status = out("status");
  const comparison = out("comparison");
  const replacementText = out("replacement");
  const tierText = out("tier");

  const DAYS_PER_MONTH = BigInt(form.dataset.daysPerMonth);
  const locale = form.dataset.locale || document.documentElement.lang;
  const amount = {
    2: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    4: new Intl.NumberFormat(locale, { minimumFractionDigits: 4, maximumFractionDigits: 4 }),
  };
  const dayCount = new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: 1 });
  const timesFormat = new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: PRICE_DECIMALS });

  const source = new URL(`${JSON.parse(settings.textContent).base}/models.json`, location.href);

  /* A JSON number of the catalog as an exact count of millionths. */
  function micro(value) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw new Error(`bad price ${value}`);
    const match = /^(\d+)(?:\.(\d+))?$/.exec(String(value));
    if (!match || (match[2] || "").length > PRICE_DECIMALS) throw new Error(`price ${value} is not exact`);
    return BigInt(match[1] + (match[2] || "").padEnd(PRICE_DECIMALS, "0"));
  }

  /* An exact fraction numerator / DENOMINATOR dollars, rounded half up to `places` decimals,
     as a decimal string ("12.30"). */
  function rounded(numerator, places) {
    const unit = DENOMINATOR / 10n ** BigInt(places);
    const units = (numerator + unit / 2n) / unit;
    const whole = (units / 10n ** BigInt(places)).toString();
    const fraction = (units % 10n ** BigInt(places)).toString().padStart(places, "0");
    return { units, text: `${whole}.${fraction}` };
  }

  /* The US-dollar sign placed and spaced as the locale's CLDR currency pattern does
     (helpcenter/localized.py: usd_pattern), "{}" standing for the number. */
  const money = form.dataset.money || "US${}";
  const usd = (value, places) => money.replace("{}", amount[places].format(value.text));

  /* Cents, or four decimals under one cent (helpcenter/tools/estimate.py: _shown_amount). */
  function shownAmount(numerator) {
    const small = rounded(numerator, 4);
    if (small.units > 0n && small.units < 100n) return usd(small, 4);
    return usd(rounded(numerator, 2), 2);
  }

  function daysText(monthly, topUp) {
    if (monthly === 0n) return text.days_never;
    // topUp is in millionths: days × 10 = topUp / 10^6 × 30 × 10 × DENOMINATOR / monthly
    const tenths = (topUp * DAYS_PER_MONTH * 10n * DENOMINATOR) / (PRICE_SCALE * monthly);
    if (tenths === 0n) return text.days_under;
    const shown = dayCount.format(`${tenths / 10n}.${tenths % 10n}`);
    return (tenths === 10n ? text.days_one : text.days_other).replace("{days}", shown);
  }

  /* A whole number as the reader's locale writes it: digits alone ("3000"), or grouped by
     threes with the locale's thousands separator ("3,000" in en-US and es-419, "3.000" in
     pt-BR). Anything else (a decimal, the other locale's separator) is refused, as the
     field's message says, rather than guessed. */
  const group = new Intl.NumberFormat(locale).formatToParts(1000000).find((part) => part.type === "group");
  const groupChar = group ? group.value : ",";
  const escaped = groupChar.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const grouped = new RegExp(`^\\d{1,3}(?:${escaped}\\d{3})+$`);
  function whole(raw) {
    if (/^\d+$/.test(raw)) return raw;
    return grouped.test(raw) ? raw.split(groupChar).join("") : null;
  }

  function read() {
    const values = {};
    let valid = true;
    for (const name of FIELDS) {
      const input = form.elements[name];
      const raw = whole(input.value.trim());
      const ok = raw !== null && BigInt(raw) <= BigInt(input.dataset.max);
      const error = document.getElementById(`${input.id}-error`);
      const hint = `${input.id}-hint`;
      error.hidden = ok;
      if (ok) {
        input.removeAttribute("aria-invalid");
        input.setAttribute("aria-describedby", hint);
        values[name] = BigInt(raw);
      } else {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", `${hint} ${error.id}`);
        valid = false;
      }
    }
    return valid ? values : null;
  }

  /* The tier options the chosen model has; Standard again when the chosen tier is not one. */
  function offerTiers() {
    for (const option of tierSelect.options) {
      option.disabled = !applies(option, select.value);
    }
    if (tierSelect.selectedOptions[0].disabled) tierSelect.value = tierSelect.options[0].value;
  }

  const applies = (option, id) => !("models" in option.dataset) || option.dataset.models.split(" ").includes(id);

  function render(models, topUp, multipliers) {
    offerTiers();
    const tier = tierSelect.selectedOptions[0];
    const multiplier = multipliers.get(tier.value);
    tierText.textContent = text.tier_used
      .replace("{tier}", tier.dataset.name)
      .replace("{times}", timesFormat.format(`${multiplier / PRICE_SCALE}.${String(multiplier % PRICE_SCALE).padStart(PRICE_DECIMALS, "0")}`));
    const values = read();
    status.hidden = values !== null;
    figures.hidden = values === null;
    comparison.hidden = values === null;
    if (values === null) return;

    const { conversations, messages, input, output, cached, reasoning } = values;
    const all = Array.from(select.options, (option, order) => {
      const { prices, name, thinks } = models.get(option.value);
      const billedOutput = output + (thinks ? reasoning : 0n);
      const perMessage =
        (input * ((100n - cached) * prices.write + cached * prices.cached) + 100n * billedOutput * prices.output) *
        multiplier;
      const conversation = messages * perMessage;
      const retiring = option.parentElement.tagName === "OPTGROUP";
      return { id: option.value, name, order, retiring, perMessage, conversation, monthly: conversations * conversation };
    });
    const chosen = all.find((cost) => cost.id === select.value);
    const costs = all.filter((cost) => (!cost.retiring || cost === chosen) && applies(tier, cost.id));
    const successorId = chosen.retiring ? select.selectedOptions[0].dataset.replacement : undefined;
    const successor = costs.find((cost) => cost.id === successorId);

    out("monthly").textContent = shownAmount(chosen.monthly);
    out("per-conversation").textContent = shownAmount(chosen.conversation);
    out("days").textContent = daysText(chosen.monthly, topUp);
    replacementText.hidden = !successor;
    replacementText.textContent = successor
      ? text.replacement_cost.replace("{name}", successor.name).replace("{amount}", shownAmount(successor.monthly))
      : "";

    costs.sort((a, b) => (a.perMessage < b.perMessage ? -1 : a.perMessage > b.perMessage ? 1 : a.order - b.order));
    const table = document.createElement("table");
    const caption = table.createCaption();
    caption.textContent = text.comparison;
    const head = table.createTHead().insertRow();
    for (const [key, numeric] of [["model", false], ["monthly", true], ["per_conversation", true]]) {
      const cell = document.createElement("th");
      cell.scope = "col";
      cell.textContent = text[key];
      if (numeric) cell.className = "hc-estimator__number";
      head.append(cell);
    }
    const body = table.createTBody();
    for (const cost of costs) {
      const row = body.insertRow();
      row.dataset.model = cost.id;
      const name = document.createElement("th");
      name.scope = "row";
      name.textContent = cost.name;
      if (cost === chosen) {
        row.className = "hc-estimator__chosen";
        row.setAttribute("aria-current", "true");
        const mark = document.createElement("span");
        mark.className = "hc-estimator__mark";
        mark.textContent = ` (${text.chosen})`;
        name.append(mark);
      }
      if (cost === successor) {
        row.dataset.role = "replacement";
        const mark = document.createElement("span");
        mark.className = "hc-estimator__mark";
        mark.textContent = ` (${text.replacement})`;
        name.append(mark);
      }
      row.append(name);
      for (const value of [shownAmount(cost.monthly), shownAmount(cost.conversation)]) {
        const cell = row.insertCell();
        cell.className = "hc-estimator__number";
        cell.textContent = value;
      }
    }
    // Wrapped as Material wraps the page's own tables, so that it scrolls sideways on a phone.
    const scroll = document.createElement("div");
    scroll.className = "md-typeset__scrollwrap";
    const wrap = document.createElement("div");
    wrap.className = "md-typeset__table";
    wrap.append(table);
    scroll.append(wrap);
    comparison.replaceChildren(scroll);
    document.dispatchEvent(new Event("hc:table-added"));
  }

  function fromAddress() {
    const params = new URLSearchParams(location.search);
    const model = params.get("model");
    if (model !== null && Array.from(select.options).some((option) => option.value === model)) {
      select.value = model;
    }
    const tier = params.get("tier");
    if (tier !== null && Array.from(tierSelect.options).some((option) => option.value === tier)) {
      tierSelect.value = tier;
    }
    for (const name of FIELDS) {
      if (params.has(name)) form.elements[name].value = params.get(name);
    }
  }

  function toAddress() {
    const address = new URL(location.href);
    address.searchParams.set("model", select.value);
    address.searchParams.set("tier", tierSelect.value);
    for (const name of FIELDS) address.searchParams.set(name, form.elements[name].value.trim());
    history.replaceState(history.state, "", address);
    carryToTwins(address.search);
  }

  /* The same values on this page's twin in each other language. */
  function carryToTwins(search) {
    for (const link of document.querySelectorAll("a.md-select__link[hreflang]")) {
      const twin = new URL(link.href, location.href);
      twin.search = search;
      link.href = twin.href;
    }
  }

  async function load() {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
    const catalog = await response.json();
    const models = new Map();
    const given = (value) => value !== null && value !== undefined;
    for (const model of catalog.models) {
      const { input, cached_input: cached, output, cache_write: write } = model.pricing;
      // Without a cached-input price, all input bills as input (helpcenter/tools/estimate.py: _cost).
      const caches = given(cached);
      models.set(model.id, {
        name: model.name,
        thinks: model.reasoning === true,
        prices: {
          cached: caches ? micro(cached) : micro(input),
          write: caches && given(write) ? micro(write) : micro(input),
          output: micro(output),
        },
      });
    }
    for (const option of select.options) {
      if (!models.has(option.value)) throw new Error(`${option.value} is not in ${source}`);
    }
    // Each tier's multiplier on the day models.json stands for (helpcenter/catalog/models.py:
    // ServiceTier.multiplier_on), in millionths; Standard is the list prices.
    const day = catalog.as_of;
    if (typeof day !== "string") throw new Error(`${source} has no as_of day`);
    const multipliers = new Map();
    for (const option of tierSelect.options) {
      if (!("models" in option.dataset)) {
        multipliers.set(option.value, PRICE_SCALE);
        continue;
      }
      const tier = (catalog.billing.service_tiers || []).find((entry) => entry.id === option.value);
      const rate = tier && tier.rates.find((r) => (!given(r.from) || r.from <= day) && (!given(r.until) || day <= r.until));
      if (!rate) throw new Error(`${source} has no ${option.value} multiplier for ${day}`);
      multipliers.set(option.value, micro(rate.multiplier));
    }
    return { models, topUp: micro(catalog.billing.minimum_top_up), multipliers };
  }

  function start() {
    load().then(
      ({ models, topUp, multipliers }) => {
        fromAddress();
        render(models, topUp, multipliers);
        carryToTwins(location.search);
        notice.hidden = true;
        body.hidden = false;
        const update = () => {
          render(models, topUp, multipliers);
          toAddress();
        };
        form.addEventListener("input", update);
        form.addEventListener("change", update);
        form.addEventListener("submit", (event) => event.preventDefault());
      },
      () => {
        notice.textContent = text.load_failed;
      },
    );
  }

  // Nothing is fetched or computed until the reader comes near the estimator (or opens a
  // link to an estimate), so the page's load leaves the main thread to the page itself.
  const linked = new URLSearchParams(location.search).has("model") || location.hash === `#${form.id}`;
  if (linked || !("IntersectionObserver" in window)) {
    start();
  } else {
    const watcher = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          watcher.disconnect();
          start();
        }
      },
      { rootMargin: "0px 0px 300px 0px" },
    );
    watcher.observe(form);
  }
})();

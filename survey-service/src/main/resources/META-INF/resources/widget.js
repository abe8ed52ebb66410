/* SupportPulse survey widget. <script src="https://HOST/widget.js" data-token="TOKEN" [data-target="id"]></script>
   shows the invitation's survey after the tag (or in #id); one click answers. Server text goes only to textContent. */
(() => {
  'use strict';
  const P = 'sp-survey';
  // loading|thanks|answered|expired|invalid|limited|offline|failed|retry|sending
  const UI = {
    en: 'Loading…|Thank you for your feedback!|You have already answered this survey. Thank you!|This survey has expired.|This survey link is not valid.|Too many attempts. Please wait a moment and try again.|Could not reach the survey. Please try again.|Something went wrong.|Try again|Sending…',
    sv: 'Laddar…|Tack för ditt svar!|Du har redan svarat på enkäten. Tack!|Enkäten har gått ut.|Länken till enkäten är ogiltig.|För många försök. Vänta en stund och försök igen.|Kunde inte nå enkäten. Försök igen.|Något gick fel.|Försök igen|Skickar…',
    de: 'Wird geladen…|Vielen Dank für Ihr Feedback!|Sie haben diese Umfrage bereits beantwortet. Danke!|Diese Umfrage ist abgelaufen.|Dieser Umfragelink ist ungültig.|Zu viele Versuche. Bitte warten Sie kurz und versuchen Sie es erneut.|Die Umfrage ist nicht erreichbar. Bitte versuchen Sie es erneut.|Etwas ist schiefgelaufen.|Erneut versuchen|Wird gesendet…',
    nb: 'Laster…|Takk for tilbakemeldingen!|Du har allerede svart på undersøkelsen. Takk!|Undersøkelsen er utløpt.|Lenken til undersøkelsen er ugyldig.|For mange forsøk. Vent litt og prøv igjen.|Fikk ikke kontakt med undersøkelsen. Prøv igjen.|Noe gikk galt.|Prøv igjen|Sender…',
    hr: 'Učitavanje…|Hvala na povratnoj informaciji!|Već ste odgovorili na ovu anketu. Hvala!|Anketa je istekla.|Poveznica na anketu nije valjana.|Previše pokušaja. Pričekajte trenutak i pokušajte ponovno.|Anketa nije dostupna. Pokušajte ponovno.|Nešto nije u redu.|Pokušajte ponovno|Slanje…',
  };
  const KEYS = 'loading thanks answered expired invalid limited offline failed retry sending'.split(' ');
  const CSS = `.P{box-sizing:border-box;max-width:36em;margin:1em 0;padding:1em 1.25em;border:1px solid #c9cfd8;
border-radius:8px;background:#fff;color:#1d2433;font:inherit;line-height:1.4;text-align:left}
.P *{box-sizing:inherit}.P [hidden]{display:none!important}.P__set{margin:0;padding:0;border:0;min-width:0}
.P__q{float:none;width:auto;padding:0;margin:0 0 .75em;font-size:1.05em;font-weight:600;color:inherit}
.P__scale{display:grid;grid-template-columns:repeat(auto-fit,minmax(2.25em,1fr));gap:.375em}
.P__b,.P__r{margin:0;border:1px solid #7b8597;border-radius:6px;background:#f5f7fa;color:#1d2433;font:inherit;
font-weight:600;cursor:pointer}.P__b{min-height:2.5em;padding:.25em}
.P__r{margin-top:.5em;padding:.4em 1em}
.P__b:hover,.P__r:hover{background:#e6ecfb;border-color:#2b54c8}
.P__b:focus,.P__r:focus{outline:3px solid #2b54c8;outline-offset:2px}
.P__b[aria-pressed=true]{background:#2b54c8;border-color:#2b54c8;color:#fff}
.P__ends{display:flex;justify-content:space-between;gap:1em;margin-top:.375em;font-size:.875em;color:#4a5468}
.P__msg{margin:0}.P__set+.P__msg:not(:empty){margin-top:.75em}.P__msg:focus{outline:none}`.replace(/\.P/g, `.${P}`);

  // 'sv-SE' → 'sv'; Norwegian in any written form reads bokmål; null when the widget has no strings for it.
  const language = (tag) => {
    const l = String(tag || '').toLowerCase().split(/[-_]/)[0];
    return Object.keys(UI).includes(l) ? l : l === 'no' || l === 'nn' ? 'nb' : null;
  };
  const strings = (lang) => UI[lang].split('|').reduce((t, s, i) => (t[KEYS[i]] = s, t), {});
  const el = (tag, part, text) => {
    const e = document.createElement(tag);
    e.className = part ? `${P}__${part}` : P;
    if (text != null) e.textContent = text;
    return e;
  };

  async function call(url, body) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 15000);
    const headers = { Accept: 'application/json' };
    if (body) headers['Content-Type'] = 'application/json';
    try {
      const res = await fetch(url, { method: body ? 'POST' : 'GET', headers, body: body && JSON.stringify(body),
        credentials: 'omit', signal: abort.signal });
      const data = res.ok && await res.json().catch(() => null);
      return { status: res.status, ok: res.ok, data, wait: +res.headers.get('Retry-After') };
    } catch (e) {
      return { status: 0 }; // offline, refused by CORS, or timed out
    } finally {
      clearTimeout(timer);
    }
  }

  function start(script) {
    script.setAttribute('data-sp-survey', '');
    const token = script.getAttribute('data-token');
    // Relative to the script's folder, so a service behind a path prefix works too.
    const survey = new URL(`v1/surveys/${encodeURIComponent(token)}`, new URL('.', script.src || location.href));
    let lang = (navigator.languages || []).concat(navigator.language).map(language).filter(Boolean)[0] || 'en';
    let t = strings(lang);
    let form = null;
    let again = null;
    let busy = false;
    const root = el('div');
    root.lang = lang;
    const msg = el('p', 'msg');
    msg.setAttribute('role', 'status');
    msg.tabIndex = -1;
    const retry = el('button', 'r');
    retry.type = 'button';
    retry.addEventListener('click', () => again && again());
    root.append(msg, retry);

    // One message at a time; a final one removes the scale. Focus that was in the widget stays in it.
    function show(key, onRetry, final, wait) {
      const focused = root.contains(document.activeElement);
      if (final && form) {
        form.remove();
        form = null;
      }
      msg.textContent = key ? t[key] : '';
      retry.textContent = t.retry;
      again = onRetry;
      retry.hidden = !again || wait > 0;
      if (wait > 0) setTimeout(() => { retry.hidden = again !== onRetry; }, wait * 1000);
      const active = document.activeElement;
      if (focused && (!root.contains(active) || active.closest('[hidden]'))) (retry.hidden ? msg : retry).focus();
    }

    function fail(res, onRetry) {
      const s = res.status;
      if (s === 429) show('limited', onRetry, false, Math.min(res.wait || 2, 30));
      else if (s === 0 || s >= 500) show('offline', onRetry);
      else show({ 404: 'invalid', 409: 'answered', 410: 'expired' }[s] || 'failed', null, true);
    }

    async function load() {
      show('loading');
      const res = await call(`${survey}?locale=${encodeURIComponent(navigator.language || '')}`);
      if (!res.ok) return fail(res, load);
      const s = res.data || {};
      const { min, max } = s.scale || {};
      lang = language(s.locale) || lang;
      t = strings(lang);
      root.lang = s.locale || lang;
      if (!(Number.isInteger(min) && Number.isInteger(max) && min <= max && max - min <= 10)) return show('failed');
      if (s.answered) return show('answered', null, true);
      form = el('fieldset', 'set');
      const scale = el('div', 'scale');
      for (let n = min; n <= max; n++) {
        const b = el('button', 'b', n);
        b.type = 'button';
        b.value = n;
        b.setAttribute('aria-pressed', 'false');
        const end = n === min ? s.lowLabel : n === max ? s.highLabel : '';
        if (end) b.setAttribute('aria-label', `${n} – ${end}`);
        b.addEventListener('click', () => submit(n));
        scale.append(b);
      }
      // The end buttons' names already say these; screen readers need not hear them twice.
      const ends = el('div', 'ends');
      ends.setAttribute('aria-hidden', 'true');
      ends.append(el('span', 'low', s.lowLabel || ''), el('span', 'high', s.highLabel || ''));
      form.append(el('legend', 'q', s.question || ''), scale, ends);
      root.insertBefore(form, msg);
      show('');
    }

    async function submit(score) {
      if (busy || !form) return;
      busy = true;
      form.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', b.value === String(score)));
      show('sending');
      const res = await call(`${survey}/responses`, { score });
      busy = false;
      if (res.ok) show('thanks', null, true);
      else fail(res, () => submit(score));
    }

    const mount = () => {
      const target = document.getElementById(script.getAttribute('data-target') || '');
      const parent = script.parentNode;
      if (target) target.append(root);
      else if (parent && parent !== document.head) parent.insertBefore(root, script.nextSibling);
      else document.body.append(root);
      if (token) load();
      else show('invalid', null, true);
    };
    const early = script.hasAttribute('data-target') || script.parentNode === document.head;
    if (early && document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
    else mount();
  }

  if (!document.getElementById(`${P}-style`)) {
    const style = document.createElement('style');
    style.id = `${P}-style`;
    style.textContent = CSS;
    (document.head || document.documentElement).append(style);
  }
  // currentScript is null only in old browsers: then start every widget tag not yet started.
  const own = document.currentScript;
  (own && own.hasAttribute('data-token') ? [own]
    : [...document.querySelectorAll('script[data-token][src*="widget.js"]:not([data-sp-survey])')]).forEach(start);
})();

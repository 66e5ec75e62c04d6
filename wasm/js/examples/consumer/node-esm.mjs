// node-esm.mjs: the package under Node, by import.
import { load } from "scanpage";

const sp = await load();
console.log(JSON.stringify({ comma: sp.validate("[1,]").issues.some((i) => i.code === "syntax.trailing_comma"), svg: sp.barcode("6901939621608").svg.includes("<svg") }));
sp.dispose();

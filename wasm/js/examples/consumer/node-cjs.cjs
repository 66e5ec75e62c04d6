// node-cjs.cjs: the package under Node, by require().
const { load } = require("scanpage");

load().then((sp) => {
  console.log(JSON.stringify({ comma: sp.validate("[1,]").issues.some((i) => i.code === "syntax.trailing_comma"), png: sp.barcode("6901939621608", { format: "png" }).png.length > 0 }));
  sp.dispose();
});

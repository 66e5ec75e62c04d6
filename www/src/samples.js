// samples.js: the example documents, embedded in the bundle at build time
// (esbuild's text loader) from the project's fixtures, byte for byte.
import docSample from "../../samples/00-doc-sample-verbatim.json.txt";
import docFixed from "../../samples/01-doc-demo-ean13.json";
import real from "../../samples/02-real-zhiyouquan-6954496900556.json";
import sdk from "../../samples/03-senparc-createtest-6954496901195.json";
import full from "../../samples/04-reconstructed-full-features.json";
import ean8 from "../../samples/05-reconstructed-ean8-minimal.json";

const empty = `{
  "keystandard": "ean13",
  "keystr": "",
  "brand_info": {
    "base_info": {
      "title": "",
      "thumb_url": "",
      "brand_tag": "",
      "category_id": 0
    },
    "detail_info": {
      "detail_list": []
    },
    "action_info": {
      "action_list": []
    }
  }
}
`;

/** @type {{ id: string, text: string }[]} The menu, in order: the API doc's sample first. */
export const samples = [
  { id: "doc", text: docSample },
  { id: "doc-fixed", text: docFixed },
  { id: "real", text: real },
  { id: "sdk", text: sdk },
  { id: "full", text: full },
  { id: "ean8", text: ean8 },
  { id: "empty", text: empty },
];

/** What a first visit opens with: a complete, valid product. */
export const firstVisit = full;

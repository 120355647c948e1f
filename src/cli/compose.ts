// npm run compose: rewrites schema/supergraph.graphql from the subgraph SDL files.
import { writeFileSync } from "node:fs";
import { PUBLIC_SCHEMA_FILE, SUPERGRAPH_FILE, composeSupergraph } from "../federation/compose.ts";

const composition = composeSupergraph();
for (const error of composition.errors) console.error(`composition error: ${error}`);
for (const hint of composition.unacceptedHints) console.error(`composition hint (not accepted): ${hint}`);
if (composition.supergraphSdl === null) {
  console.error("compose: failed; schema/supergraph.graphql left unchanged");
  process.exit(1);
}
writeFileSync(SUPERGRAPH_FILE, composition.supergraphSdl);
writeFileSync(PUBLIC_SCHEMA_FILE, composition.publicSdl!);
console.log(`compose: wrote ${SUPERGRAPH_FILE} and ${PUBLIC_SCHEMA_FILE}`);
if (composition.unacceptedHints.length > 0) {
  console.error("compose: review the hints above; accept one by adding it to schema/accepted-composition-hints.json");
  process.exit(1);
}

// The Neo4j GraphQL Library (@neo4j/graphql) serving Demarche's Neo4j graph with
// the type definitions in typeDefs.graphql, on Apollo Server, for bench/run's
// side-by-side load benchmark. Set up as the library's documentation shows: one
// driver for the process, Neo4jGraphQL({ typeDefs, driver }), getSchema(), and
// startStandaloneServer; read-only (no mutations are sent), no auth, no caching
// of results.
//
//   NEO4J_URI=bolt://127.0.0.1:7687 PORT=4000 node server.mjs
//
// Environment: NEO4J_URI (required), NEO4J_USER / NEO4J_PASSWORD (optional),
// HOST (default 127.0.0.1), PORT (default 4000). Logs one line when ready.
import { readFile } from "node:fs/promises";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const uri = process.env.NEO4J_URI;
if (!uri) {
    console.error("neo4j-graphql: set NEO4J_URI");
    process.exit(2);
}
const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 4000);

const typeDefs = await readFile(new URL("./typeDefs.graphql", import.meta.url), "utf8");
const auth = process.env.NEO4J_USER
    ? neo4j.auth.basic(process.env.NEO4J_USER, process.env.NEO4J_PASSWORD || "")
    : undefined;
const driver = neo4j.driver(uri, auth);
await driver.verifyConnectivity();

const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const schema = await neoSchema.getSchema();

const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, { listen: { host, port } });
console.log(`neo4j-graphql: ready at ${url} (Neo4j ${uri})`);

async function shutdown() {
    await server.stop();
    await driver.close();
    process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);

// Package export streams the knowledge graph into the files graph and
// event-data tools read: GraphML (Gephi, yEd, Cytoscape, networkx), GEXF 1.3 with
// time intervals (Gephi's timeline), Cytoscape.js JSON, neo4j-admin import CSV
// (a zip of node and relationship files, or a directory via WriteDir), JSON Lines
// shaped like APOC's JSON export, a CSV edge list and a dyadic event table
// (CSV or TSV) with CAMEO and PLOVER codes.
//
// Two granularities: "actors" is the actor graph (actors and the direct
// ACCUSES/DENIES/... edges); "provenance" is the whole graph as Neo4j holds it
// (actors, statements, articles, incidents and the MADE, TARGETS, ABOUT,
// REPORTED_IN, MENTIONS, MEMBER_OF, PART_OF, ATTRIBUTED_TO, TARGETED and
// RESPONDS_TO edges beside the direct ones).
//
// Exports stream: every writer encodes each node and edge as the store walks
// it, and never holds the document. Without a filter memory stays flat in the
// size of the graph. With a filter the selection (the ids of the selected nodes
// and the tallies of the selected direct edges) is gathered in a first pass,
// so memory grows with the selection, never with the encoded output.
//
// Read* functions read back the formats no outside tool checks for us
// (Cytoscape JSON, JSON Lines, the CSV edge list, the event table and the
// neo4j-admin CSV set); the tests and scripts/interop use them.
package export

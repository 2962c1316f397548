// Package extract finds actors, incidents and statements (who accuses, denies,
// indicts, criticizes, sanctions, demands or threatens whom) in one article.
//
// Extraction is rule-based and runs in explicit stages over the article text:
//
//  1. segment the body (and the title) into sentences;
//  2. tokenize each sentence;
//  3. find actor mentions with the lexicon (states, capitals, demonyms,
//     organizations, agencies) and with patterns (agency heads such as
//     "Foreign Ministry" attached to a state, role titles before a person's
//     name, groups such as "four Chinese hackers");
//  4. resolve coreference (surnames, role nouns such as "the spokesman",
//     pronouns, "the ministry");
//  5. find statements from trigger verbs, nouns and phrases in active,
//     passive, nominal and reported-speech forms;
//  6. link each statement's ends, its incident and its date;
//  7. assemble entities under canonical names, so the same actor gets the
//     same name in every article.
//
// The lexicons live in data/*.json, embedded in the binary and validated at
// init; a user adds actors, aliases, roles and triggers with LoadLexicon and
// WithLexicon without recompiling.
package extract

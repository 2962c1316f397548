// Package extract finds actors, incidents and statements (who accuses, denies,
// indicts, criticizes, sanctions, demands or threatens whom) in one article.
//
// Extraction is rule-based and runs in explicit stages over the article text:
//
//  1. segment the title and the body into sentences (repeated teasers and
//     navigation lines dropped);
//  2. tokenize each sentence;
//  3. find actor mentions with the lexicon (states by name, short form,
//     capital or demonym; organizations; agencies) and with patterns: agency
//     heads joined to a state ("Chinese Foreign Ministry", "the Ministry of
//     Foreign Affairs of Russia", "the US Embassy in Moscow"), named
//     administrations ("the Obama administration"), role titles around a
//     person's name ("spokesman Wang Wenbin", "Zhao Lijian, spokesman for
//     ..."), groups ("four alleged Chinese hackers", "APT31"), companies,
//     non-state actors named by their description ("Zservers, a
//     Russia-based hosting provider", "the LockBit ransomware gang") and
//     persons named by an age or a person noun ("Ahmed Omer, 22,",
//     "Russian national Dmitry Khoroshev");
//  4. resolve coreference: surnames, role nouns ("the spokesman", "the
//     ministry", "the hackers", "the men", "these defendants"), pronouns,
//     the speaker of quoted text ("KCNA quoted a spokesman as saying"), and
//     the state of an unnamed agency from the sentence's opener ("In
//     Tehran, foreign ministry spokesman ...") or the previous subject;
//     officials whose title names no state are placed by titles one state
//     uses ("Secretary of State", "Foreign Secretary") or the dateline;
//     "the government" is the dateline's state, "the North" a Korea in an
//     article about Korea, and a known name inside a longer unknown one
//     ("Supreme National Security Council", "Mehr Afzar Solutions") is
//     not the known actor; the answers of a press-conference transcript
//     ("Q: ... A: ...") are the spokesperson's the title names, and a
//     "Foreign Ministry" no state names there is the answers' state; "the
//     regime" is the state named before it that is not the speaker's side;
//     a bare "Prosecutors" continues the prosecutors already named;
//     romanized given names ("Liu Chia-tsun") and handles ("Cyber_Horus")
//     stay one word;
//  5. find statements from trigger verbs, nouns and phrases in active,
//     passive, nominal, reported-speech and coordinated forms, plus readings
//     of evaluations ("the accusations are groundless" denies them), of
//     reported wrongs ("said Russian hackers breached ..." accuses them), of
//     judged measures ("called the sanctions illegitimate" criticizes whoever
//     imposed them), of agentless legal acts ("two men were arrested on
//     suspicion of spying, prosecutors said"), of threats whose subject is
//     the threatened side ("said Oslo would regret its decision"), of drawn
//     criticism ("drawing condemnation from Seoul and Tokyo"), of "X must
//     (should, needs to) stop ..." demands, of headline passives without an
//     auxiliary ("Russia accused of ...", "hackers sanctioned by EU"), of
//     participial clauses (", accusing them of", ", saying ..."), of
//     appositions ("the Lazarus Group, a unit linked to ..., stole"), of
//     hacking groups' reported deeds, of measures rejected ("Moscow
//     rejected the move" answers whoever imposed it) and of denials whose
//     accuser only the same sentence names; negated, withheld or
//     hypothetical acts ("did not accuse", "declined to blame", "whether to
//     sanction", "any decision to expel"), acts only made possible ("allowed
//     Beijing to deny"), participles on common nouns ("heists blamed on
//     Pyongyang"), prices ("charged clients $10,000") and questions ("Asked
//     about China") give no statement; a demanded halt ("to stop its
//     destabilising actions") is no separate criticism; a standing denial
//     ("has repeatedly denied") answers no one, one of "actions against
//     Paraguay" answers Paraguay; a stance an official states for the state
//     ("said China firmly opposes") is the official's; later agentless
//     designations are the last sanctioner's; a named gang threatening a
//     state speaks; "ordered two diplomats to leave" and "close the Russian
//     consulate" are measures, "unilateral sanctions" a judged one, and a
//     denial's accuser may be the side said to have "presented no evidence"
//     or, last, whoever accused a group the article ties to the denier's state;
//     hedged links ("was highly likely working for the Russian government")
//     accuse the state named, measures judged false ("the measures were a
//     smear") and "stop making groundless smears" deny whoever made them, a
//     denial's "and that NATO was hyping ..." names its accuser, and the
//     speaker of a document is its author ("The advisory, written by X,
//     said"), of an apposition its head ("the NCSC, part of GCHQ, said"), of
//     a participle after an attribution the one attributed ("..., the G7
//     said, urging"); datelines ("BRUSSELS/BEIJING (Wire) -") and date
//     openers ("In 2018 Britain ...") are no subjects;
//  6. link each statement's ends, its incident and its date ("on Tuesday"
//     resolved against the article date);
//  7. assemble entities under canonical names, so the same actor gets the
//     same name in every article ("Beijing", "the Chinese side" → "China").
//
// Every statement carries a confidence in [0,1] from the pattern that found
// it; statements below DefaultMinConfidence (or WithMinConfidence) are left
// out, because a false accusation in the graph misleads more than a missing one.
//
// The lexicons live in data/*.json, embedded in the binary and validated at
// init; a user adds states, actors, aliases, agency patterns, roles and
// trigger words from a JSON or YAML file with LoadLexicon and WithLexicon
// (the CLI's --lexicon FILE) without recompiling.
package extract

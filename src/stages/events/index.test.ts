import assert from "node:assert/strict";
import { test } from "node:test";
import { createDoc, type Doc, type EventFact, type Mention } from "../../core/index.ts";
import { segmentStage } from "../segment/index.ts";
import { cameoCode, cameoCodes, eventsStage, patterns } from "./index.ts";

/** Country of each actor name the fixtures use (hand-built mentions: no dependency on the mentions stage). */
const ACTORS: Record<string, string> = {
  Iran: "IRN",
  Tehran: "IRN",
  Iranian: "IRN",
  Russia: "RUS",
  Moscow: "RUS",
  Russian: "RUS",
  Lavrov: "RUS",
  Putin: "RUS",
  China: "CHN",
  Beijing: "CHN",
  Japan: "JPN",
  France: "FRA",
  Paris: "FRA",
  Germany: "DEU",
  Israel: "ISR",
  Syria: "SYR",
  Turkey: "TUR",
  Ukraine: "UKR",
  Egypt: "EGY",
  Europe: "EUR",
  "the United States": "USA",
  "the US": "USA",
  "The US": "USA",
  Washington: "USA",
  Hezbollah: "LBN",
  Brazil: "BRA",
  India: "IND",
  Pakistan: "PAK",
  Armenia: "ARM",
  Kenya: "KEN",
  Oman: "OMN",
  Libya: "LBY",
  Sudan: "SDN",
  Eritrea: "ERI",
  Mozambique: "MOZ",
  Lebanon: "LBN",
  Hamas: "PSE",
  Seoul: "KOR",
  Obama: "USA",
  Congress: "USA",
  "The UN": "IGO",
  Egyptian: "EGY",
  Syrian: "SYR",
  Turkish: "TUR",
  Erdogan: "TUR",
  Israeli: "ISR",
};

/** Fixture names that are people (mention type PER, actor id `person:...`). */
const PERSONS = new Set(["Lavrov", "Putin", "Obama", "Erdogan"]);

const names = Object.keys(ACTORS).sort((a, b) => b.length - a.length);

/** Runs segmentation, hand-built mentions (every ACTORS name as a whole word) and events. */
function run(text: string, published = "2021-03-07"): Doc {
  const doc = createDoc("t", text, { published });
  doc.layers.paragraphs = [{ start: 0, end: text.length, kind: "p", prov: { stage: "t", rule: "t" } }];
  segmentStage.run(doc);
  const mentions: Mention[] = [];
  const taken = new Uint8Array(text.length);
  for (const n of names) {
    const re = new RegExp(`\\b${n.replace(/\./g, "\\.")}\\b`, "g");
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (taken[m.index]) continue;
      taken.fill(1, m.index, m.index + n.length);
      const iso = ACTORS[n];
      const person = PERSONS.has(n);
      mentions.push({
        start: m.index,
        end: m.index + n.length,
        surface: n,
        type: person ? "PER" : /(ian|i|ish|ese)$/.test(n) ? "NORP" : "GPE",
        actor: { id: person ? `person:${n.toLowerCase()}` : iso, name: iso, country: iso, code: iso },
        prov: { stage: "test", rule: "fixture" },
      });
    }
  }
  doc.layers.mentions = mentions.sort((a, b) => a.start - b.start);
  eventsStage.run(doc);
  return doc;
}

const events = (text: string, published?: string): EventFact[] => run(text, published).layers.events ?? [];
const brief = (e: EventFact) =>
  `${e.cameo} ${e.source.country ?? "?"}>${e.target?.country ?? "-"} ${e.modality}`;

// ------------------------------------------------------------------ modality: never asserted

/** Hypothetical, negated and future statements: [sentence, expected modality of its event(s)]. */
const unreal: Array<[string, "negated" | "hypothetical" | "future"]> = [
  ["Iran did not sign the agreement with Russia.", "negated"],
  ["Iran didn't sign the agreement with Russia.", "negated"],
  ["Iran never signed the agreement with Russia.", "negated"],
  ["Iran refused to sign the agreement with Russia.", "negated"],
  ["Iran refused to meet Lavrov.", "negated"],
  ["Iran declined to meet Lavrov.", "negated"],
  ["Iran failed to release the sailors.", "negated"],
  ["China did not impose sanctions on Japan.", "negated"],
  ["Israel has not attacked Syria.", "negated"],
  ["Turkey has never recognized Syria.", "negated"],
  ["Russia did not condemn Iran.", "negated"],
  ["France does not support Israel.", "negated"],
  ["Pakistan did not accuse India.", "negated"],
  ["Egypt will not host Israel.", "negated"],
  ["Brazil would not criticize China.", "negated"],
  ["Germany did not visit Ukraine.", "negated"],
  ["Iran did not threaten Israel.", "negated"],
  ["Washington did not lift sanctions on Iran.", "negated"],
  ["Russia did not expel diplomats from France.", "negated"],
  ["There were no talks between Iran and Russia.", "negated"],
  ["If Iran attacks Israel, the region will burn.", "hypothetical"],
  ["Iran will return to its commitments only if the US lifts sanctions.", "hypothetical"],
  ["Iran will return to its obligations once the US fully lifts its sanctions.", "hypothetical"],
  ["Israel has no intention of invading Lebanon.", "negated"],
  ["Brazil is unlikely to veto the resolution against Iran.", "hypothetical"],
  ["Turkey is expected to sign the deal with Russia.", "future"],
  ["Without US support, Ukraine cannot defend itself against Russia.", "negated"],
  ["Trade will grow once Iran frees the Russian sailors.", "hypothetical"],
  ["Russia will sign the deal with Iran only if China agrees.", "hypothetical"],
  ["Unless Iran releases the sailors, France will act.", "hypothetical"],
  ["Once Russia withdraws troops from Ukraine, talks can start.", "hypothetical"],
  ["If the US imposes sanctions on China, trade will suffer.", "hypothetical"],
  ["Should Israel attack Syria, Russia would respond.", "hypothetical"],
  ["Iran could attack Israel.", "hypothetical"],
  ["China might impose sanctions on Japan.", "hypothetical"],
  ["Turkey may expel diplomats from Germany.", "hypothetical"],
  ["Israel would strike Iran.", "hypothetical"],
  ["If Putin visits Tehran, the deal may be saved.", "hypothetical"],
  ["Pakistan will talk to India if India withdraws troops.", "hypothetical"],
  ["Iran would meet Lavrov if Russia asked.", "hypothetical"],
  ["If Egypt condemns Israel, Washington will object.", "hypothetical"],
  ["Only if Brazil pays will China lend money to Brazil.", "hypothetical"],
  ["Unless Germany praises France, nothing changes.", "hypothetical"],
  ["If India attacks Pakistan, war follows.", "hypothetical"],
  ["Japan could sign an agreement with China.", "hypothetical"],
  ["If Ukraine signs the agreement with Russia, fighting ends.", "hypothetical"],
  ["Russia will attack Ukraine.", "future"],
  ["China will impose sanctions on Japan.", "future"],
  ["Iran plans to attack Israel.", "future"],
  ["Putin plans to visit Tehran.", "future"],
  ["Lavrov is expected to visit Tehran.", "future"],
  ["Lavrov is to visit Tehran next week.", "future"],
  ["Putin is going to visit Tehran.", "future"],
  ["Israel intends to strike Syria.", "future"],
  ["Turkey will host Putin next month.", "future"],
  ["France will condemn Iran.", "future"],
  ["Germany will expel diplomats from Russia.", "future"],
  ["Egypt will criticize Israel.", "future"],
  ["India will accuse Pakistan.", "future"],
  ["The US will lift sanctions on Iran.", "future"],
  ["Russia will sign an agreement with China.", "future"],
  ["Brazil wants to sign an agreement with China.", "future"],
  ["Iran hopes to meet Lavrov.", "future"],
  ["Japan aims to sign a deal with China.", "future"],
  ["Ukraine is set to sign an agreement with Turkey.", "future"],
  ["Syria intends to attack Israel.", "future"],
  ["Iran agreed to release the sailors to France.", "future"],
  ["Iran will meet Russia on Saturday.", "future"],
  ["If Iran attacks, France said Israel must retaliate.", "hypothetical"],
  ["France said Iran should not attack Israel.", "negated"],
  ["Turkey said it would impose sanctions on Egypt.", "future"],
  ["Iran says it will not meet Russia unless sanctions are lifted.", "hypothetical"],
];

for (const [text, want] of unreal) {
  test(`modality ${want}: ${text}`, () => {
    // A refusal is itself an asserted rejection (12x); the refused act is what must stay unreal.
    const evs = events(text).filter((e) => !e.prov.rule.includes("govern.refusal"));
    assert.ok(evs.length > 0, "an event is coded");
    for (const e of evs) {
      assert.notEqual(e.modality, "asserted", brief(e));
      assert.equal(e.modality, want, brief(e));
    }
  });
}

// ------------------------------------------------------------------ who did what to whom

/** [sentence, expected events as "code source>target modality", in order]. */
const coded: Array<[string, string[]]> = [
  // reciprocal events coded once, with both sides
  ["Iran and Russia signed an agreement on Saturday.", ["057 IRN>RUS asserted"]],
  ["Lavrov met with his Iranian counterpart in Moscow.", ["040 RUS>IRN asserted"]],
  ["Putin met Iran on Saturday.", ["040 RUS>IRN asserted"]],
  ["Iran held talks with Russia.", ["046 IRN>RUS asserted"]],
  ["China and Japan held talks.", ["046 CHN>JPN asserted"]],
  // passive voice
  ["Israel was attacked by Hezbollah.", ["190 LBN>ISR asserted"]],
  ["Tehran was visited by Lavrov.", ["042 RUS>IRN asserted"]],
  ["Iran was condemned by France.", ["111 FRA>IRN asserted"]],
  // noun forms
  ["Lavrov's visit to Tehran angered Washington.", ["042 RUS>IRN asserted"]],
  ["The imposition of sanctions by Europe on Moscow hurt trade.", ["163 EUR>RUS asserted"]],
  ["Russian sanctions on Ukraine were tightened.", ["163 RUS>UKR asserted"]],
  ["Putin paid a visit to Turkey.", ["042 RUS>TUR asserted"]],
  // reported speech: the reported event has its own source
  ["The Kremlin said Iran attacked Israel.", ["190 IRN>ISR asserted"]],
  ["Russia said Iran would attack Israel.", ["190 IRN>ISR future"]],
  ["Iran said it would attack Israel.", ["1384 IRN>ISR future"]],
  // coordination and relative clauses
  ["Putin arrived in Tehran and met Iran.", ["042 RUS>IRN asserted", "040 RUS>IRN asserted"]],
  ["Iran attacked Israel and condemned France.", ["190 IRN>ISR asserted", "111 IRN>FRA asserted"]],
  ["France, which criticized Iran, praised Israel.", ["111 FRA>IRN asserted", "051 FRA>ISR asserted"]],
  ["France condemned Iran and Syria.", ["111 FRA>IRN asserted", "111 FRA>SYR asserted"]],
  // governed events recoded
  ["China threatened to impose sanctions on Japan.", ["1312 CHN>JPN asserted"]],
  ["France urged Iran to release the sailors.", ["0253 FRA>IRN asserted"]],
  ["Germany expelled the Russian ambassador.", ["166 DEU>RUS asserted"]],
  ["The US withdrew from the deal with Iran.", ["166 USA>IRN asserted"]],
  // unnamed state actors: the country comes from earlier in the document
  ["Officials gathered in Moscow on Monday. The ministry condemned Japan.", ["111 RUS>JPN asserted"]],
  // a pronoun under a reporting verb further left is the speaker
  ["Syria says it is willing to withdraw from Turkey.", ["0356 SYR>TUR future"]],
  // obligations a speaker lays on others are demands or appeals
  ["France said Iran must release the sailors.", ["1053 FRA>IRN asserted"]],
  ["Germany said China should ease restrictions on trade.", ["0251 DEU>CHN asserted"]],
  // the subject of a "that" complement is the target of a statement
  ["Egypt demanded on Friday that Israel explain the move.", ["100 EGY>ISR asserted"]],
  // serial comma: every pair of a reciprocal event
  [
    "China, Russia, and Iran met on Monday.",
    ["040 CHN>RUS asserted", "040 CHN>IRN asserted", "040 RUS>IRN asserted"],
  ],
  // a quantity is not a preposition
  ["Iran released over 40 Russian sailors.", ["0841 IRN>RUS asserted"]],
  // the means of a killing gives the code, and its modifier the doer
  ["Three soldiers were killed in a Russian airstrike.", ["195 RUS>- asserted"]],
  // a refusal is an asserted rejection; the refused act stays negated
  ["Iran refused to sign the agreement with Russia.", ["057 IRN>RUS negated", "127 IRN>RUS asserted"]],
  // a declared refusal ("would not") is a rejection too
  ["Iran said it would not sign the agreement with Russia.", ["057 IRN>RUS negated", "127 IRN>RUS asserted"]],
  // a conflictual act its own doer announces for the future is a threat
  [
    "Turkey said it would impose sanctions on Egypt unless Egypt frees the sailors.",
    ["1312 TUR>EGY hypothetical", "0841 EGY>- hypothetical"],
  ],
  ["Turkey said it would impose sanctions on Egypt.", ["1312 TUR>EGY future"]],
  // a passive inside reported speech is still a passive
  ["Russia said Iran was attacked by Israel.", ["112 RUS>ISR asserted", "190 ISR>IRN asserted"]],
  // a third party's report of an attack is also an accusation
  ["France said Syria attacked Turkey.", ["112 FRA>SYR asserted", "190 SYR>TUR asserted"]],
  // wanting someone else to act is an appeal
  ["Japan wants China to release the sailors.", ["0253 JPN>CHN asserted"]],
  // an infinitive of purpose shares the main verb's subject; its event is not repeated
  ["Iran met Russia on Monday to discuss trade.", ["040 IRN>RUS asserted"]],
  // a passive without an agent keeps its target, with an unknown source
  ["Israel was attacked on Monday.", ["190 ?>ISR asserted"]],
  // a governor coded on its own takes its target from the complement
  ["China threatened to cut off oil supplies to Japan.", ["130 CHN>JPN asserted"]],
  // a name is never a reporting verb ("States")
  ["Later, the United States continued to send weapons to Israel.", ["072 USA>ISR asserted"]],
  // an obligation with no coded act is a demand on its own
  ["France said Iran must explain the delay.", ["100 FRA>IRN asserted"]],
  // protest and repression with no named target are aimed at the source's own country
  ["Iranian students staged a protest on Monday.", ["141 IRN>IRN asserted"]],
  // a killing whose doer is named by its means' modifier
  ["Two men were killed in Russian shelling.", ["194 RUS>- asserted"]],
  // an attempt is the act attempted (185 for an assassination), and it happened
  ["Iran tried to assassinate Lavrov.", ["185 IRN>RUS asserted"]],
  // the more specific violation
  ["Russia violated the ceasefire agreement with Ukraine.", ["196 RUS>UKR asserted"]],
  // after a determiner a participle is no verb ("the occupied")
  ["Israel patrolled the occupied territories of Syria.", []],
  // an appositive between subject and verb is skipped
  [
    "Turkey, a close ally of Russia, has refused to meet Iran.",
    ["040 TUR>IRN negated", "125 TUR>IRN asserted"],
  ],
  // an ethnic group belongs to the country it lives in
  ["Ethnic Russian workers demonstrated in Ukraine on Monday.", ["141 UKR>UKR asserted"]],
  // "of" names the target of its own event noun; quantities and particles are skipped
  ["Israel launched the invasion of Syria.", ["190 ISR>SYR asserted"]],
  ["Syria kidnapped up to 16 Russian advisers.", ["181 SYR>RUS asserted"]],
  // the requester is the target of a rejection
  ["Russia rejected calls by Japan for talks.", ["120 RUS>JPN asserted"]],
  // light verb over a noun modifier
  ["Iranian students staged mass protests against France.", ["141 IRN>FRA asserted"]],
  // an event noun in the object of a coded verb is what that event is about, not a second event
  ["France condemned the invasion by Russia.", ["111 FRA>RUS asserted"]],
  ["Germany praised China's assistance to Pakistan.", ["051 DEU>CHN asserted"]],
  // a noun with only its "by" agent, and a bare statement, are no interaction
  ["The statement by France came late on Friday.", []],
  ["The visit by Putin was cut short.", []],
  ["Iran made its remarks in Paris.", []],
  // after a preposition only a gerund is verbal
  ["Israel announced new limits on travel to Egypt.", []],
  // an infinitive complement after a short adverbial gives the governor its target
  ["Russia warned on Monday to cut off supplies to Ukraine.", ["130 RUS>UKR asserted"]],
  ["Japan agreed in principle on Saturday to provide aid for Pakistan.", ["033 JPN>PAK future"]],
  // the subject receives: the "from" phrase names the doer
  ["Armenia received a loan from Russia.", ["071 RUS>ARM asserted"]],
  ["Kenya received weapons from Israel on Monday.", ["072 ISR>KEN asserted"]],
  ["Egypt faced pressure from Congress over the deal.", ["100 USA>EGY asserted"]],
  // a participle right after a noun is a passive of that noun
  ["There were ten Iranian sailors detained in Oman.", ["173 OMN>IRN asserted"]],
  // the outcome of a coded attack is that attack, not a second event
  ["Syria shelled the town of Kilis in Turkey, killing six civilians.", ["194 SYR>TUR asserted"]],
  // a purpose is intended, not done; with a coded act before it, it is not repeated
  ["Egypt sent a team to help Libya.", ["070 EGY>LBY asserted"]],
  // where an unnamed attack came from names who made it; a third party reporting it accuses them;
  // an object pronoun in reported speech is the speaker
  ["Israel said a rocket was fired at it from Lebanon.", ["112 ISR>LBN asserted", "194 LBN>ISR asserted"]],
  // violence its doer reports of itself is a claim of responsibility
  ["Hamas claimed it had fired the rockets at Israel.", ["194 PSE>ISR asserted", "015 PSE>ISR asserted"]],
  // an allegation by someone else is an accusation, not a fact
  ["Iran alleged that Israel had attacked Syria.", ["112 IRN>ISR asserted"]],
  // a group on the receiving end is placed by the country in its own phrase
  ["The UN will send food aid to refugees fleeing the war in Sudan.", ["0333 IGO>SDN future"]],
  ["Kenya met with exiled dissidents from Eritrea.", ["040 KEN>ERI asserted"]],
  // with no target and no other country named, the act stays inside the source's country
  ["The Mozambique government accepted the demands of the strikers.", ["083 MOZ>MOZ asserted"]],
  // a doer placed where it acted: "the Iraqi city of X" names a place, "Iraqi shelling" does not
  ["Two Egyptian soldiers were killed outside the Syrian city of Homs.", ["190 SYR>EGY asserted"]],
  // a state of intent is no passive
  ["Egypt said Syria is committed to opening its border.", ["0355 SYR>- future"]],
  // an event with no known doer gives way to the sentence's events whose doers are known
  ["In a letter handed to Lebanon, Syria said it would free the sailors.", ["0353 SYR>- future"]],
  // a participle clause shares the main clause's subject
  [
    "Egyptian police opened fire on the crowd, killing two and arresting ten.",
    ["190 EGY>EGY asserted", "173 EGY>EGY asserted"],
  ],
  // a claim of responsibility is aimed at the attack's victim
  ["Hamas claimed responsibility for the bombing of a bus in Israel.", ["015 PSE>ISR asserted"]],
  // killing soldiers is conventional force
  ["Ten Syrian soldiers were killed in Lebanon.", ["190 LBN>SYR asserted"]],
  // a source is placed only within its own phrase
  ["France said that Hezbollah rebels attacked Israel.", ["112 FRA>LBN asserted", "190 LBN>ISR asserted"]],
  // an attack noun heading the subject of "killed" is its means; a bombing of soldiers stays a bombing
  ["A car bombing in Syria killed two Turkish soldiers.", ["1832 SYR>TUR asserted"]],
  ["Russian air strikes, launched before dawn, killed six people in Syria.", ["195 RUS>SYR asserted"]],
  // "be engaged in" is a state, not a passive
  ["Syrian forces were engaged in fighting with Turkey.", ["190 SYR>TUR asserted"]],
  // a noun modifying another names no happening; an ended event is no event
  ["Iran banned the opposition newspaper.", ["1722 IRN>IRN asserted"]],
  ["Sudan and Egypt signed the cessation of hostilities.", ["057 SDN>EGY asserted"]],
  // a gerund after a preposition is the reason of a coded act
  ["Israel arrested a Syrian for collaborating with Iran.", ["173 ISR>SYR asserted"]],
  // considering an act is no act
  ["Japan is considering giving money to Kenya.", ["0331 JPN>KEN future"]],
  // forces that arrive are deployed, not visiting
  ["Egyptian troops arrived in Libya on Monday.", ["154 EGY>LBY asserted"]],
  // the one responsible for an act, or behind it, is its doer
  ["Hezbollah was behind the attack on Israel.", ["190 LBN>ISR asserted"]],
  // a threat is aimed at the one its condition is laid on
  [
    "Russia threatened to quit the talks if the United States deploys missiles.",
    ["134 RUS>USA asserted", "154 USA>- hypothetical"],
  ],
  // the subject of a demanded "that" clause is the one the demand is made of
  ["China demanded that Japan cancel the sale of weapons.", ["100 CHN>JPN asserted"]],
  // a people named by a nationality is not its state
  ["Egypt will allow Egyptian refugees to return.", ["035 EGY>EGY future"]],
  // threats and sanctions with no named target are not made domestic
  ["Japan threatened third countries with sanctions.", ["1312 JPN>- asserted"]],
  // "free from" is the adjective; a thing before a participle is no actor
  ["Iran is free from Russian control.", []],
  ["The ceremony attended by Putin impressed Iran.", ["042 RUS>- asserted"]],
  // a state's strikes are military; denying an attack is a denial of responsibility
  ["Egypt condemned the Israeli strikes on Syria.", ["111 EGY>ISR asserted"]],
  ["Syria denied attacking Turkish positions.", ["190 SYR>TUR negated", "016 SYR>TUR asserted"]],
  // a blocked text never said what it says; a ratified treaty is a signed agreement
  ["Russia blocked a statement condemning Iran.", ["129 RUS>IRN asserted"]],
  ["Iran approved the treaty with Russia on Wednesday.", ["057 IRN>RUS asserted"]],
  // a nationality with its head noun is a subject; a participle before its object is a verb
  ["Iranian police detained dozens of Russian sailors.", ["173 IRN>RUS asserted"]],
  // a complaint is aimed at whom it is about, not at whom it is addressed
  ["Lebanon complained to France over Israeli air raids.", ["110 LBN>ISR asserted"]],
  // an order to someone is a demand on them; an order to one's own forces is the act itself
  ["Iran ordered Kenya to explain the arrests.", ["100 IRN>KEN asserted"]],
  ["Russia ordered troops to withdraw from Syria.", ["0874 RUS>SYR asserted"]],
  // a call to someone to say something is that act, made to them; "call on" needs its "on"
  ["Iran called Lavrov to apologize.", ["055 IRN>RUS asserted"]],
  ["Putin called Erdogan to congratulate him on his victory.", ["051 RUS>TUR asserted"]],
  ["Egypt called on Monday on Israel to release the prisoners.", ["0253 EGY>ISR asserted"]],
  // aid to a beneficiary named by its purpose; "provided X with" names the recipient first
  ["Japan donated ventilators to help Kenya.", ["071 JPN>KEN asserted"]],
  ["Russia provided Syria with tanks.", ["072 RUS>SYR asserted"]],
  // "over" before a number is a preposition once the object's place is passed
  ["Lebanon complained to France on Tuesday over two Israeli air raids.", ["110 LBN>ISR asserted"]],
  // a light verb with its particle
  ["Russia speeded up the withdrawal of its forces from Syria.", ["0874 RUS>SYR asserted"]],
  // an agent noun as the subject of a warning's "that" clause is its target
  ["Egypt warned that police would break up the rallies.", ["130 EGY>EGY asserted", "175 EGY>EGY future"]],
  // a people without a state, placed nowhere else, lives in the acting state's country
  ["Syrian troops captured a Kurdish stronghold.", ["192 SYR>SYR asserted"]],
  // a protest is aimed at what it defies or opposes, not at where it happens
  ["Students rallied in Tehran in defiance of Russia.", ["141 IRN>RUS asserted"]],
  ["Russia refuted claims accusing Iran of supplying weapons.", ["016 RUS>IRN asserted"]],
  // an event named only as the time of another coded act is background
  ["Japan recalled its ambassador after the bombing in Seoul.", ["161 JPN>KOR asserted"]],
  // a schedule, forecast or narrated preparation keeps the act's own code (future), unlike a
  // stated intention ("Iran will visit" is 036)
  ["Erdogan is scheduled to visit Egypt.", ["042 TUR>EGY future"]],
  ["Iran is expected to sign an agreement with China.", ["057 IRN>CHN future"]],
  ["Erdogan prepared to visit Egypt.", ["042 TUR>EGY future"]],
  // (a preparation for force is a show of force, made now)
  ["Syrian troops prepared to attack Israel.", ["150 SYR>ISR asserted"]],
  ["Iran is prepared to sign an agreement with China.", ["030 IRN>CHN future"]],
  // a reflexive object is the doer itself
  ["The US said that Syria had attacked itself.", ["112 USA>SYR asserted", "190 SYR>SYR asserted"]],
  // an accident is no one's act
  ["Ten people were killed by the Egypt Air crash.", []],
  // an allegation's contents, every "that" clause of it, are the accusation only
  [
    "France alleged that Iran was aware of the plot, and that Iranian officers helped Hezbollah.",
    ["112 FRA>IRN asserted"],
  ],
  // a participle before "of"/"with" after a noun is a passive of that noun
  ["Two Iranian officers accused of spying were released by Israel.", ["0841 ISR>IRN asserted"]],
  // violence by protesters is a violent protest, unless waged with weapons of war
  ["Iranian protesters attacked the Turkish embassy.", ["145 IRN>TUR asserted"]],
  ["The Turkish embassy was demolished by Iranian rioters.", ["145 IRN>TUR asserted"]],
  ["Egyptian demonstrators fired rockets at Israel.", ["194 EGY>ISR asserted"]],
  // an unnamed state agent in a passive's "by" phrase, placed by the country named before it
  ["In Syria, eight people were killed by government forces.", ["190 SYR>SYR asserted"]],
  // a passive whose subject holds the pattern's object words; the target after the verb or in
  // the subject's own phrase; with no agent, the object's possessor or nationality is the doer
  ["New sanctions were imposed on Russia by Europe.", ["163 EUR>RUS asserted"]],
  ["Sanctions on Iran were lifted by the US.", ["085 USA>IRN asserted"]],
  ["Evidence against Russia was presented by the US.", ["112 USA>RUS asserted"]],
  ["Talks were held between Iran and Russia.", ["046 IRN>RUS asserted"]],
  ["Russian troops were withdrawn from Syria.", ["0874 RUS>SYR asserted"]],
  // cooperation two named states take up together, with no one else named, is between them
  ["Iran and Russia pledged to boost trade.", ["0311 IRN>RUS asserted"]],
  ["Iran and Russia offered aid.", ["033 IRN>- asserted", "033 RUS>- asserted"]],
  // a forceful response announced by its doer is a threat of force
  ["Iran said it would respond decisively to Israel.", ["1384 IRN>ISR future"]],
  // after a determiner (over adjectives and quote marks) or a plain adjective with an -s, a noun
  ["Iran paid no heed to the ‘idle talk’ of Russia.", []],
  // (and foreign parties as the object are never the source's own country)
  ["Iran thanked its regional partners.", ["051 IRN>- asserted"]],
  ["Iran denounced certain regional states.", ["111 IRN>- asserted"]],
  ["France gave a warm welcome to Erdogan.", ["043 FRA>TUR asserted"]],
  // a pattern's words do not reach past a coordinated finite verb; side by side verbs share
  ["Syrian rebels broke from the regime and pledged allegiance to Turkey.", ["030 SYR>TUR asserted"]],
  ["Syrian snipers shot and killed an Israeli soldier.", ["193 SYR>ISR asserted"]],
  // "he" and "she" stand for the last person subject, not a possessor named after it
  [
    "Putin pointed to Iran's support for Syria. He praised Turkey.",
    ["050 IRN>SYR asserted", "051 RUS>TUR asserted"],
  ],
  // a participle before its noun, over an adverb, is no event; a thing as the object is no party
  ["Russia voiced support for this internationally recognized deal.", ["051 RUS>- asserted"]],
  // "he" later in the same sentence; a bare form after a possessive and a noun is a compound noun
  [
    "Obama met Erdogan in Turkey. Putin praised Iran during his election campaign but he condemned Israel.",
    ["040 USA>TUR asserted", "051 RUS>IRN asserted", "111 RUS>ISR asserted"],
  ],
  // a decision taken is the act decided on (not an intention); forces sent to keep the peace keep
  // it; fighting an ill is no force
  ["Japan decided to ease sanctions on Iran.", ["085 JPN>IRN asserted"]],
  ["Russia deployed troops to Syria on a peacekeeping mission.", ["074 RUS>SYR asserted"]],
  ["Japan sent doctors to fight the cholera epidemic in Kenya.", ["073 JPN>- asserted"]],
  // "until" after a negated clause is a condition; a possessive's own state stands for it
  [
    "Iran will not release the Israeli sailors until France apologises.",
    ["0841 IRN>ISR negated", "1243 IRN>ISR asserted", "055 FRA>- hypothetical"],
  ],
  [
    "Putin said his country would not lift sanctions on Iran.",
    ["085 RUS>IRN negated", "1244 RUS>IRN asserted"],
  ],
  ["Fighting continued until Israel withdrew from Lebanon.", ["0874 ISR>LBN asserted"]],
  // "each other" after two sides: both ways; a name after a subordinator is a subject
  ["Israel and Iran accused each other.", ["112 ISR>IRN asserted", "112 IRN>ISR asserted"]],
  ["Israel spoke a day after Iran launched drones at Israel.", ["195 IRN>ISR asserted"]],
  // a coordinated verb shares the first verb's subject over a noun the tagger misreads
  [
    "France shared Turkish concerns about Iran's regional conduct but would not support Egypt.",
    ["019 FRA>TUR asserted", "050 FRA>EGY negated", "120 FRA>EGY asserted"],
  ],
  // an attack noun heading "killed" is its means: its own doer and, with no placed victim, its
  // own target
  ["An Israeli strike on Iran's consulate in Syria killed seven officers.", ["190 ISR>IRN asserted"]],
  ["The attack by Hamas killed ten Israeli soldiers.", ["190 PSE>ISR asserted"]],
  // a list a "between" opens is that phrase's; only the last name owns the noun after it
  ["The rift between Iran and Russia and Turkey's cooperation with Syria grew.", ["060 TUR>SYR asserted"]],
  // a prevented act does not happen; people a passive's subject holds are whom it is done to
  ["Iranian citizens were barred from travelling to Israel.", ["163 ?>IRN asserted"]],
  ["Iran is meeting its obligations to Russia.", []],
  // a pattern's words never lie past a finite "be"
  ["Among the documents signed by Iran was a memorandum with Russia.", ["057 IRN>- asserted"]],
  // an obligation to know or understand asks no act
  ["Iran said Russia should know that sanctions fail.", []],
  // an act given up is not done
  ["Syrian rebels gave up fighting and surrendered to Turkey.", ["0874 SYR>TUR asserted"]],
  // a target after the pattern's own preposition inside its words
  ["Obama spoke with Putin by phone.", ["041 USA>RUS asserted"]],
  ["Russian troops launched drones at Ukraine.", ["195 RUS>UKR asserted"]],
  // what a claim or report says is not asserted; the rejection is
  ["Iran rejected claims that it attacked Israel.", ["016 IRN>- asserted"]],
  ["Russia dismissed reports that Iran sent drones to Syria.", ["110 RUS>IRN asserted"]],
  // a relative "that" after a plain noun: the noun is the subject, not an earlier name
  ["Ukraine condemned Iran for supplying drones that struck Kyiv.", ["111 UKR>IRN asserted"]],
  // the target slot decides between equally specific patterns: an attack, not a labour strike
  ["Israeli jets struck Syria on Sunday.", ["190 ISR>SYR asserted"]],
  // the act someone is sought, suspected or held for is background, not theirs as a fact
  ["Turkey arrested two Iranian men wanted for the bombing of the embassy.", ["173 TUR>IRN asserted"]],
  // of equally specific patterns the closest wins: a permission, not help
  ["Iran gave permission to Russia to help Syria.", ["086 IRN>RUS asserted"]],
  // after a name's possessive, a noun ("arms makers" is no arming)
  ["Egypt criticised Russia's arms makers.", ["111 EGY>RUS asserted"]],
];

for (const [text, want] of coded) {
  test(`coding: ${text}`, () => {
    assert.deepEqual(events(text).map(brief), want);
  });
}

// ------------------------------------------------------------------ dates

/** [sentence, published, expected date, precision, source, modality]. */
const dated: Array<[string, string, string, string, string, string]> = [
  ["Iran attacked Israel on Saturday.", "2021-03-07", "2021-03-06", "day", "text", "asserted"],
  ["Iran attacked Israel on Sunday.", "2021-03-07", "2021-03-07", "day", "text", "asserted"],
  ["Iran will meet Russia on Saturday.", "2021-03-07", "2021-03-13", "day", "text", "future"],
  ["Iran attacked Israel yesterday.", "2021-03-07", "2021-03-06", "day", "text", "asserted"],
  [
    "Iran and Russia signed the agreement in Vienna in 2015.",
    "2021-03-07",
    "2015",
    "year",
    "text",
    "historical",
  ],
  [
    "Iran signed an agreement with Russia in May 2019.",
    "2021-03-07",
    "2019-05",
    "month",
    "text",
    "historical",
  ],
  ["Iran signed an agreement with Russia last month.", "2021-03-07", "2021-02", "month", "text", "asserted"],
  [
    "Iran signed an agreement with Russia three years ago.",
    "2021-03-07",
    "2018",
    "year",
    "text",
    "historical",
  ],
  ["Iran condemned Israel on March 3.", "2021-03-07", "2021-03-03", "day", "text", "asserted"],
  // a period that runs to now is not historical
  ["Since 2015, Russia has supplied Iran with weapons.", "2021-03-07", "2015", "year", "text", "asserted"],
  ["Iran condemned Israel.", "2021-03-07", "2021-03-07", "day", "published", "asserted"],
];

for (const [text, pub, date, precision, source, modality] of dated) {
  test(`date: ${text} (published ${pub})`, () => {
    const [e] = events(text, pub);
    assert.ok(e, "an event is coded");
    assert.equal(e.date, date);
    assert.equal(e.datePrecision, precision);
    assert.equal(e.dateSource, source);
    assert.equal(e.modality, modality);
  });
}

// ------------------------------------------------------------------ codebook and contract

test("every CAMEO code from 010 to 204 has a lexicon pattern", () => {
  const have = new Set(patterns.map((p) => p.code));
  const missing = cameoCodes().filter((c) => c.length > 2 && !have.has(c));
  assert.deepEqual(missing, []);
});

test("codebook carries Goldstein, QuadClass and the PLOVER crosswalk", () => {
  assert.equal(cameoCodes().length, 312);
  assert.deepEqual(cameoCode("042")?.plover, { event: "CONSULT", mode: "visit" });
  assert.equal(cameoCode("190")?.quadClass, 4);
  assert.equal(cameoCode("057")?.goldstein, 8);
});

test("events carry spans, sentence and provenance that match the text", () => {
  const doc = run("Iran and Russia signed an agreement. Israel was attacked by Hezbollah.");
  const evs = doc.layers.events ?? [];
  assert.equal(evs.length, 2);
  for (const e of evs) {
    assert.equal(doc.text.slice(e.start, e.end), e.surface);
    assert.ok(e.sentence && e.start >= e.sentence.start && e.end <= e.sentence.end);
    assert.equal(e.prov.stage, "events");
    assert.match(e.prov.rule, /lexicon:/);
    assert.equal(e.root, e.cameo.slice(0, 2));
  }
  assert.deepEqual(JSON.parse(JSON.stringify(doc)), doc);
});

"""The grammar layer on invented sentences: five or more per construction in each language.

Each case names a predicate word and what the clause holding it should have: its subject, its
agent (the doer of a passive), object, recipient, the speaker of a reported clause, negation or
modality; or a reference and the actor it stands for. Names and events are made up.
"""

from __future__ import annotations

import re

import pytest

from jalin.doc import Doc
from jalin.grammar.model import Clause, Phrase
from jalin.lexicon import load_lexicon
from jalin.pipeline import LAYERS
from jalin.text import prepare


def parse(text: str) -> Doc:
    doc = prepare(text, published="2026-03-01", id=None, title=None, url=None, source=None,
                  metadata={}, lexicon=load_lexicon(()))
    for layer in LAYERS:
        setattr(doc, layer.name, layer.run(doc))
        if layer.name == "grammar":
            break
    return doc


def clause_of(doc: Doc, word: str) -> Clause:
    offset = doc.text.index(word)
    assert doc.grammar is not None
    clause = doc.grammar.clause_at(offset)
    assert clause is not None, f"no clause holds {word!r}"
    return clause


def said(doc: Doc, phrase: Phrase | None) -> str:
    return "" if phrase is None else doc.text[phrase.start:phrase.end]


def actor_name(doc: Doc, actor_id: str | None) -> str:
    return next((a.name for a in doc.actors if a.id == actor_id), "")


def check(doc: Doc, word: str, **expected: str) -> None:
    clause = clause_of(doc, word)
    for role, want in expected.items():
        if role == "speaker":
            speaker = clause.speaker
            got = said(doc, speaker) or actor_name(doc, speaker.actor if speaker else None)
        elif role == "doer":
            got = said(doc, clause.doer())
        elif role == "undergoer":
            got = said(doc, clause.undergoer())
        else:
            got = said(doc, getattr(clause, role))
        assert want in got, f"{role} of {word!r}: {got!r}, expected {want!r} in it"


# ---------------------------------------------------------------- passives

PASSIVE_AGENT = [
    ("Kerajaan Laos disokong oleh Vietnam dalam isu sempadan.", "disokong", "Vietnam", "Laos"),
    ("Cadangan Nepal ditolak oleh India semalam.", "ditolak", "India", "Nepal"),
    ("Kapal nelayan Ghana ditahan oleh tentera laut Togo.", "ditahan", "Togo", "Ghana"),
    ("Pelan damai itu telah dibentangkan oleh Norway kepada Sudan.", "dibentangkan", "Norway", "Pelan"),
    ("Bantuan perubatan dihantar oleh Jepun ke Fiji minggu lalu.", "dihantar", "Jepun", "Bantuan"),
    ("Norway was attacked by Russia on Monday.", "attacked", "Russia", "Norway"),
    ("The proposal from Peru was rejected by Chile.", "rejected", "Chile", "proposal"),
    ("Two Kenyan ships were seized by the Somali navy.", "seized", "Somali", "ships"),
    ("The accord has been signed by Ghana and Togo.", "signed", "Ghana", "accord"),
    ("Relief supplies were sent by Japan to Fiji last week.", "sent", "Japan", "supplies"),
]


@pytest.mark.parametrize(("text", "verb", "doer", "undergoer"), PASSIVE_AGENT)
def test_passive_with_agent(text: str, verb: str, doer: str, undergoer: str) -> None:
    doc = parse(text)
    clause = clause_of(doc, verb)
    assert clause.predicate is not None and clause.predicate.voice == "passive"
    check(doc, verb, doer=doer, undergoer=undergoer)


PASSIVE_BARE = [
    ("Kerajaan Laos disokong Vietnam dalam isu itu.", "disokong", "Vietnam", "Laos"),
    ("Cadangan Nepal ditolak India semalam.", "ditolak", "India", "Nepal"),
    ("Pelabuhan itu diserang semalam.", "diserang", "", "Pelabuhan"),
    ("Duta Chile dipanggil ke Kementerian Luar.", "dipanggil", "", "Duta Chile"),
    ("Perjanjian itu dimeterai di Vientiane.", "dimeterai", "", "Perjanjian"),
    ("Sweden was criticised on Tuesday.", "criticised", "", "Sweden"),
    ("The embassy in Lima was closed last year.", "closed", "", "embassy"),
    ("Three fishermen were arrested near the border.", "arrested", "", "fishermen"),
    ("The talks have been postponed until May.", "postponed", "", "talks"),
    ("Peru's envoy was summoned on Friday.", "summoned", "", "envoy"),
]


@pytest.mark.parametrize(("text", "verb", "doer", "undergoer"), PASSIVE_BARE)
def test_passive_without_agent_phrase(text: str, verb: str, doer: str, undergoer: str) -> None:
    doc = parse(text)
    clause = clause_of(doc, verb)
    assert clause.predicate is not None and clause.predicate.voice == "passive"
    assert said(doc, clause.doer()) == doer or (doer and doer in said(doc, clause.doer()))
    check(doc, verb, undergoer=undergoer)


# ---------------------------------------------------------------- fronted adverbials and side phrases

FRONTED = [
    ("Ketika bertemu Presiden Ghana, Perdana Menteri Kenya berkata Nairobi sedia membantu.",
     "bertemu", "Perdana Menteri Kenya"),
    ("Semasa lawatan ke Oman, Menteri Pertahanan Nepal menandatangani dua memorandum.",
     "menandatangani", "Menteri Pertahanan Nepal"),
    ("Selepas mesyuarat itu, Chile mengumumkan bantuan kepada Bolivia.", "mengumumkan", "Chile"),
    ("Apabila tiba di Suva, Menteri Luar Jepun disambut oleh Perdana Menteri Fiji.",
     "tiba", "Menteri Luar Jepun"),
    ("Sewaktu berucap di Lima, Presiden Chile menyeru kerjasama serantau.", "berucap", "Presiden Chile"),
    ("When meeting the Ghanaian president, the Kenyan prime minister said Nairobi was ready to help.",
     "meeting", "Kenyan prime minister"),
    ("While visiting Oman, Nepal's defence minister signed two memoranda.", "visiting", "Nepal"),
    ("After the meeting, Chile announced aid to Bolivia.", "announced", "Chile"),
    ("Once in Suva, the Japanese foreign minister was welcomed by the Fijian prime minister.",
     "welcomed", "Japanese foreign minister"),
    ("As he spoke in Lima, the Chilean president called for regional cooperation.",
     "called", "Chilean president"),
]


@pytest.mark.parametrize(("text", "verb", "subject"), FRONTED)
def test_fronted_adverbial_shares_the_main_subject(text: str, verb: str, subject: str) -> None:
    doc = parse(text)
    check(doc, verb, subject=subject)


SIDE = [
    ("Ketika bertemu Presiden Filipina, Perdana Menteri Jepun berkata Tokyo sedia membantu.",
     "bertemu", "Perdana Menteri Jepun", "Presiden Filipina"),
    ("Semasa menerima Duta Peru, Menteri Luar Chile menyatakan sokongan.",
     "menerima", "Menteri Luar Chile", "Duta Peru"),
    ("Sewaktu mengunjungi Raja Bhutan, Presiden Nepal menjemput baginda ke Kathmandu.",
     "mengunjungi", "Presiden Nepal", "Raja Bhutan"),
    ("Ketika menyambut Perdana Menteri Fiji, Presiden Vanuatu memuji hubungan kedua-dua negara.",
     "menyambut", "Presiden Vanuatu", "Perdana Menteri Fiji"),
    ("Semasa menemui Menteri Pertahanan Oman, Panglima Angkatan Tentera Kenya membincangkan latihan.",
     "menemui", "Panglima Angkatan Tentera Kenya", "Menteri Pertahanan Oman"),
    ("While hosting the Peruvian envoy, the Chilean foreign minister voiced support.",
     "hosting", "Chilean foreign minister", "Peruvian envoy"),
    ("When receiving the Bhutanese king, the Nepalese president invited him to Kathmandu.",
     "receiving", "Nepalese president", "Bhutanese king"),
    ("While welcoming the Fijian prime minister, the Vanuatu president praised the ties.",
     "welcoming", "Vanuatu president", "Fijian prime minister"),
    ("When meeting Oman's defence minister, the Kenyan army chief discussed training.",
     "meeting", "Kenyan army chief", "Oman"),
    ("While visiting President Boric in Santiago, the Peruvian premier signed a pact.",
     "visiting", "Peruvian premier", "President Boric"),
]


@pytest.mark.parametrize(("text", "verb", "subject", "other"), SIDE)
def test_side_phrase_name_is_no_subject(text: str, verb: str, subject: str, other: str) -> None:
    doc = parse(text)
    check(doc, verb, subject=subject, object=other)


# ---------------------------------------------------------------- relative clauses

RELATIVE = [
    ("Peru menyambut baik Chile yang menghantar bantuan ke Bolivia.", "menghantar", "Chile"),
    ("Kapal Oman yang berlabuh di Mombasa membawa bekalan.", "berlabuh", "Kapal Oman"),
    ("Menteri Luar Ghana yang tiba semalam bertemu rakan sejawatnya.", "tiba", "Menteri Luar Ghana"),
    ("Perjanjian yang ditandatangani oleh Nepal itu berkuat kuasa Jun.", "ditandatangani", "Perjanjian"),
    ("Norway memuji Finland yang menawarkan latihan kepada Estonia.", "menawarkan", "Finland"),
    ("Peru welcomed Chile, which sent aid to Bolivia.", "sent", "Chile"),
    ("The Omani ship, which docked in Mombasa, carried supplies.", "docked", "Omani ship"),
    ("Ghana's foreign minister, who arrived yesterday, met his counterpart.", "arrived", "Ghana"),
    ("The treaty which Nepal signed takes effect in June.", "signed", "Nepal"),
    ("Norway praised Finland, which offered training to Estonia.", "offered", "Finland"),
]


@pytest.mark.parametrize(("text", "verb", "subject"), RELATIVE)
def test_relative_clause_subject(text: str, verb: str, subject: str) -> None:
    doc = parse(text)
    clause = clause_of(doc, verb)
    assert clause.kind == "relative"
    check(doc, verb, subject=subject)


# ---------------------------------------------------------------- reported speech

REPORTED_BEFORE = [
    ("Menteri Luar Chile, Rosa Quispe, berkata Santiago akan menghantar pasukan ke Bolivia.",
     "menghantar", "Rosa Quispe"),
    ("Presiden Ghana berkata bahawa Accra menolak tuntutan Togo.", "menolak", "Presiden Ghana"),
    ("Perdana Menteri Nepal menegaskan Kathmandu tidak akan menyertai pakatan itu.",
     "menyertai", "Perdana Menteri Nepal"),
    ("Jurucakap Kementerian Luar Oman, Salim Harthy, berkata Muscat menyokong rundingan.",
     "menyokong", "Salim Harthy"),
    ("Menteri Pertahanan Fiji berkata bahawa Suva mahu membeli dua kapal.", "membeli",
     "Menteri Pertahanan Fiji"),
    ("Chile's foreign minister Rosa Quispe said Santiago would send troops to Bolivia.",
     "send", "Rosa Quispe"),
    ("The Ghanaian president said that Accra rejected Togo's claim.", "rejected", "Ghanaian president"),
    ("Nepal's prime minister stressed that Kathmandu would not join the pact.", "join", "Nepal"),
    ("Oman's foreign ministry spokesman Salim Harthy said Muscat supported the talks.",
     "supported", "Salim Harthy"),
    ("The Fijian defence minister said Suva wanted to buy two ships.", "buy", "Fijian defence minister"),
]


@pytest.mark.parametrize(("text", "verb", "speaker"), REPORTED_BEFORE)
def test_reported_speech_speaker_before(text: str, verb: str, speaker: str) -> None:
    doc = parse(text)
    clause = clause_of(doc, verb)
    assert clause.kind == "reported"
    check(doc, verb, speaker=speaker)


REPORTED_AFTER = [
    ("Santiago akan menghantar pasukan ke Bolivia, kata Menteri Luar Chile.", "menghantar",
     "Menteri Luar Chile"),
    ("Accra menolak tuntutan Togo, kata Presiden Ghana, Kofi Mensah.", "menolak", "Kofi Mensah"),
    ("\"Kathmandu tidak akan menyertai pakatan itu,\" kata Perdana Menteri Nepal.", "menyertai",
     "Perdana Menteri Nepal"),
    ("\"Muscat menyokong rundingan damai,\" kata Salim Harthy, jurucakap Oman.", "menyokong",
     "Salim Harthy"),
    ("Suva mahu membeli dua kapal peronda, kata Menteri Pertahanan Fiji.", "membeli",
     "Menteri Pertahanan Fiji"),
    ("Santiago will send troops to Bolivia, said Chile's foreign minister.", "send", "Chile"),
    ("Accra rejected Togo's claim, the Ghanaian president Kofi Mensah said.", "rejected", "Kofi Mensah"),
    ("\"Kathmandu will not join the pact,\" Nepal's prime minister said.", "join", "Nepal"),
    ("\"Muscat supports peace talks,\" said Salim Harthy, Oman's spokesman.", "supports", "Salim Harthy"),
    ("Suva wants to buy two patrol ships, the Fijian defence minister said.", "buy",
     "Fijian defence minister"),
]


@pytest.mark.parametrize(("text", "verb", "speaker"), REPORTED_AFTER)
def test_reported_speech_speaker_after(text: str, verb: str, speaker: str) -> None:
    doc = parse(text)
    check(doc, verb, speaker=speaker)


# ---------------------------------------------------------------- verb groups: negation, modality, aspect

VERB_GROUPS = [
    ("Laos dan Kemboja gagal mencapai persetujuan mengenai sempadan.", "mencapai", "negated", ""),
    ("Nepal tidak akan menandatangani pakatan itu.", "menandatangani", "negated", "future"),
    ("Oman perlu menghantar wakil ke Geneva.", "menghantar", "requested", ""),
    ("Chile boleh membekalkan tembaga kepada Peru.", "membekalkan", "hypothetical", ""),
    ("Fiji telah menerima dua kapal dari Jepun.", "menerima", "", "past"),
    ("Chile failed to reach an agreement with Peru on the border.", "reach", "negated", ""),
    ("Nepal will not sign the pact.", "sign", "negated", "future"),
    ("Oman must send an envoy to Geneva.", "send", "requested", ""),
    ("Chile may supply copper to Peru.", "supply", "hypothetical", ""),
    ("Fiji has received two ships from Japan.", "received", "", "perfect"),
]


@pytest.mark.parametrize(("text", "verb", "mood", "aspect"), VERB_GROUPS)
def test_verb_group_negation_modality_aspect(text: str, verb: str, mood: str, aspect: str) -> None:
    doc = parse(text)
    group = clause_of(doc, verb).predicate
    assert group is not None
    assert group.negated == (mood == "negated")
    if mood and mood != "negated":
        assert group.modality == mood
    assert group.aspect == aspect


# ---------------------------------------------------------------- references

PRONOUN_CHAINS = [
    ("Menteri Luar Ghana, Kofi Mensah, tiba di Lome semalam. Beliau bertemu Presiden Togo.",
     "Beliau", "Kofi Mensah"),
    ("Presiden Chile, Rosa Quispe, melawat Lima. Dia kemudian terbang ke La Paz.", "Dia", "Rosa Quispe"),
    ("Duta Oman, Salim Harthy, mengetuai delegasi itu. Rombongan tiba pagi tadi. Beliau akan berucap esok.",
     "Beliau", "Salim Harthy"),
    ("Jeneral Lars Berg memeriksa kapal itu. Kemudian beliau menemui Menteri Pertahanan Finland.",
     "beliau", "Lars Berg"),
    ("Menteri Luar Tonga, Ahmad Zaki, tiba di Suva. Beliau disambut oleh pegawai Fiji.", "Beliau",
     "Ahmad Zaki"),
    ("Ghana's foreign minister Kofi Mensah arrived in Lome. He met the Togolese president.",
     "He", "Kofi Mensah"),
    ("Chilean President Rosa Quispe visited Lima. She then flew to La Paz.", "She", "Rosa Quispe"),
    ("Oman's envoy Salim Harthy led the delegation. The team arrived this morning. He will speak tomorrow.",
     "He", "Salim Harthy"),
    ("General Lars Berg inspected the ship. Later he met Finland's defence minister.", "he", "Lars Berg"),
    ("Tonga's foreign minister Ahmad Zaki arrived in Suva. He was welcomed by Fijian officials.", "He",
     "Ahmad Zaki"),
]

QUOTES_WE = [
    ("\"Kita akan menghantar bantuan ke Fiji,\" kata Menteri Pertahanan Vanuatu, Joe Natuman.",
     "Kita", "Joe Natuman"),
    ("Menteri Luar Peru, Rosa Quispe, berkata: \"Kami menyokong rundingan dengan Chile.\"",
     "Kami", "Rosa Quispe"),
    ("\"Kita setuju menubuhkan jawatankuasa bersama dengan Laos,\" kata Perdana Menteri Kemboja.",
     "Kita", "Kemboja"),
    ("\"Pihak kami tidak akan berundur,\" kata Duta Oman, Salim Harthy.", "Pihak kami", "Salim Harthy"),
    ("Presiden Ghana, Kofi Mensah, berkata: \"Kita mahu hubungan lebih erat dengan Togo.\"",
     "Kita", "Kofi Mensah"),
    ("\"We will send aid to Fiji,\" said Vanuatu's defence minister Joe Natuman.", "We", "Joe Natuman"),
    ("Peru's foreign minister Rosa Quispe said: \"We support talks with Chile.\"", "We", "Rosa Quispe"),
    ("\"We agreed to set up a joint committee with Laos,\" Cambodia's prime minister said.", "We",
     "Cambodia"),
    ("\"Our country will not retreat,\" said Oman's envoy Salim Harthy.", "Our country", "Salim Harthy"),
    ("Ghanaian President Kofi Mensah said: \"We want closer ties with Togo.\"", "We", "Kofi Mensah"),
]

DESCRIPTIONS = [
    ("Peru dan Chile menandatangani perjanjian. Kedua-dua negara akan berlatih bersama.",
     "Kedua-dua negara", {"Peru", "Chile"}),
    ("Menteri Nepal melawat Bhutan. Kedua negara bersetuju memperluas perdagangan.",
     "Kedua negara", {"Nepal", "Bhutan"}),
    ("Oman menghantar kapal ke Kenya. Negara itu juga menghantar doktor.", "Negara itu", {"Oman"}),
    ("Syarikat Helang Aero Sdn Bhd dari Malaysia menang tender. Syarikat itu akan membina hangar.",
     "Syarikat itu", {"Helang Aero Sdn Bhd"}),
    ("Fiji dan Tonga mengadakan rundingan. Mereka bersetuju meneruskan rondaan.", "Mereka",
     {"Fiji", "Tonga"}),
    ("Peru and Chile signed an accord. Both countries will train together.", "Both countries",
     {"Peru", "Chile"}),
    ("Nepal's minister visited Bhutan. The two countries agreed to expand trade.", "The two countries",
     {"Nepal", "Bhutan"}),
    ("Norway sent a frigate to Iceland. The kingdom also sent a tanker.", "The kingdom", {"Norway"}),
    ("Helang Aero Ltd of Malaysia won the tender. The company will build a hangar.", "The company",
     {"Helang Aero Ltd"}),
    ("Fiji and Tonga held talks. They agreed to continue patrols.", "They", {"Fiji", "Tonga"}),
]


def _resolved(doc: Doc, form: str) -> list[str]:
    match = re.search(rf"\b{re.escape(form)}\b", doc.text)
    assert match is not None
    start = match.start()
    assert doc.grammar is not None
    reference = doc.grammar.reference_at(start, start + len(form))
    assert reference is not None, f"{form!r} is no reference"
    return [actor_name(doc, a) for a in reference.actors]


@pytest.mark.parametrize(("text", "form", "person"), PRONOUN_CHAINS)
def test_pronoun_chain_across_sentences(text: str, form: str, person: str) -> None:
    assert any(person in name for name in _resolved(parse(text), form)[:1])


@pytest.mark.parametrize(("text", "form", "speaker"), QUOTES_WE)
def test_we_in_a_quote_is_the_speaker(text: str, form: str, speaker: str) -> None:
    doc = parse(text)
    names = _resolved(doc, form)
    countries = {a.country for a in doc.actors if speaker in a.name}
    mine = {a.country for a in doc.actors if a.name in names}
    assert any(speaker in name for name in names) or (countries and countries <= mine)


@pytest.mark.parametrize(("text", "form", "actors"), DESCRIPTIONS)
def test_description_refers_to_salient_actors(text: str, form: str, actors: set[str]) -> None:
    names = _resolved(parse(text), form)
    assert len(names) == len(actors)
    assert all(any(want in name for name in names) for want in actors)


# ---------------------------------------------------------------- word classes

@pytest.mark.parametrize(("word", "cls", "voice"), [
    ("disokong", "VERB", "passive"), ("menandatangani", "VERB", "active"), ("bertemu", "VERB", "middle"),
    ("terlibat", "VERB", "passive"), ("memperkukuh", "VERB", "active"), ("pengiktirafan", "NOUN", ""),
    ("kerjasama", "NOUN", ""), ("keselamatan", "NOUN", ""), ("diplomat", "NOUN", ""),
])
def test_malay_morphology(word: str, cls: str, voice: str) -> None:
    from jalin.grammar.words import _build, classify
    table = _build(load_lexicon(()))
    found = classify(table, word, 0, len(word), "ms", False)
    assert (found.cls, found.voice) == (cls, voice)


@pytest.mark.parametrize(("word", "cls"), [
    ("signed", "VERB"), ("negotiating", "VERB"), ("strongly", "ADV"), ("meeting", "NOUN"), ("treaty", "NOUN"),
])
def test_english_morphology(word: str, cls: str) -> None:
    from jalin.grammar.words import _build, classify
    table = _build(load_lexicon(()))
    assert classify(table, word, 0, len(word), "en", False).cls == cls


# ---------------------------------------------------------------- linear time

_PARAGRAPHS = (
    "Menteri Pertahanan Peru, Rosa Quispe, berkata Lima dan Santiago akan mengadakan latihan maritim "
    "bersama pada bulan Jun. \"Kita mahu hubungan lebih erat dengan Chile,\" katanya kepada pemberita.",
    "Chile's foreign minister Tomas Rojas, who arrived in Lima on Monday, said the two countries had "
    "agreed to set up a joint committee. He added that Santiago would send observers to the exercise.",
    "Kerajaan Bolivia yang menghadiri mesyuarat itu menyokong cadangan tersebut. Kedua-dua negara "
    "gagal mencapai persetujuan mengenai sempadan, tetapi beliau yakin rundingan akan diteruskan.",
    "Relief supplies were sent by Japan to Fiji last week, and the kingdom of Tonga was thanked by "
    "Fiji for its help. The company that built the ships, Helang Aero Ltd, will deliver two more.",
)


def _article(words: int) -> str:
    paragraphs: list[str] = []
    while sum(len(p.split()) for p in paragraphs) < words:
        paragraphs.append(_PARAGRAPHS[len(paragraphs) % len(_PARAGRAPHS)])
    return "\n\n".join(paragraphs)


def _calls(text: str) -> int:
    """Python function calls made while analysing `text` with every sentence parsed and every
    reference resolved: a count of the work done, the same on every machine."""
    import sys

    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profile)
    try:
        doc = parse(text)
        assert doc.grammar is not None
        doc.grammar.references  # noqa: B018 - forces the whole analysis
    finally:
        sys.setprofile(None)
    return count


def test_a_2000_word_article_is_analysed_in_linear_time() -> None:
    once = _article(2000)
    assert len(once.split()) >= 2000
    four = "\n\n".join([once] * 4)
    parse(once)  # lexicon tables and matchers built outside the count
    ratio = _calls(four) / _calls(once)
    assert ratio < 4 * 1.15, f"4x the text took {ratio:.2f}x the work"

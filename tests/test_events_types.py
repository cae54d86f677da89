"""Every PLOVER type in Malay and English: at least five wire-style sentences each, written for these
tests (negated, requested and hypothetical ones among them). Each case lists every event expected
from the sentence as "TYPE SOURCE>TARGET modality", countries by ISO3."""

from __future__ import annotations

import pytest

from event_docs import country_of, make_doc
from jalin.extract.events.layer import extract

MS = [
    # AGREE
    ("Malaysia dan Indonesia bersetuju untuk memperluas rondaan bersama di Selat Melaka.",
     ["AGREE MYS>IDN asserted"]),
    ("Korea Selatan akan menandatangani memorandum persefahaman pertahanan dengan Malaysia bulan depan.",
     ["AGREE KOR>MYS intended"]),
    ("Jepun belum bersetuju untuk menyertai latihan maritim anjuran China.",
     ["AGREE JPN>CHN negated"]),
    ("Filipina berjanji kepada Vietnam untuk memperkukuh kerjasama pengawal pantai.",
     ["AGREE PHL>VNM asserted"]),
    ("Jika rundingan berjaya, Thailand dan Kemboja akan memeterai perjanjian sempadan baharu.",
     ["SUPPORT THA>KHM hypothetical"]),
    ("Perjanjian itu ditandatangani oleh Australia dan Malaysia di Canberra semalam.",
     ["SUPPORT AUS>MYS asserted"]),
    # CONSULT
    ("Menteri Luar Mohamad Hasan bertemu rakan sejawatnya dari Jepun di Tokyo hari ini.",
     ["CONSULT MYS>JPN asserted"]),
    ("Presiden Prabowo akan mengadakan lawatan rasmi ke Malaysia minggu depan.",
     ["CONSULT IDN>MYS intended"]),
    ("Singapura dan Malaysia dijangka mengadakan rundingan mengenai bekalan air pada Oktober.",
     ["CONSULT SGP>MYS expected"]),
    ("Malaysia belum berunding dengan China mengenai tuntutan bertindih itu.",
     ["CONSULT MYS>CHN negated"]),
    ("Perdana Menteri Anwar Ibrahim menerima kunjungan hormat Duta Besar Perancis di Putrajaya.",
     ["CONSULT MYS>FRA asserted"]),
    # SUPPORT
    ("Malaysia menyokong penuh usaha Indonesia sebagai pengerusi forum itu.",
     ["SUPPORT MYS>IDN asserted"]),
    ("Wang Yi memuji peranan Malaysia dalam memastikan kestabilan serantau.",
     ["SUPPORT CHN>MYS asserted"]),
    ("Putrajaya menyambut baik keputusan Jepun untuk menambah biasiswa pegawai tentera.",
     ["SUPPORT MYS>JPN asserted"]),
    ("Malaysia tidak menyokong tindakan Israel di Gaza.",
     ["SUPPORT MYS>ISR negated"]),
    ("Brunei mengucapkan tahniah kepada Thailand atas kejayaan menganjurkan sidang kemuncak itu.",
     ["SUPPORT BRN>THA asserted"]),
    # CONCEDE
    ("Thailand akhirnya akur kepada permintaan Malaysia untuk membuka semula pintu sempadan.",
     ["CONCEDE THA>MYS asserted"]),
    ("China melonggarkan sekatan import buah-buahan dari Filipina.",
     ["CONCEDE CHN>PHL asserted"]),
    ("Indonesia memohon maaf kepada Singapura atas insiden jerebu itu.",
     ["SUPPORT IDN>SGP asserted"]),
    ("Jepun tidak akan melonggarkan larangan eksport cip ke China.",
     ["CONCEDE JPN>CHN negated"]),
    ("Sekiranya tekanan berterusan, Myanmar mungkin bertolak ansur dengan Thailand.",
     ["CONCEDE MMR>THA hypothetical"]),
    # COOPERATE
    ("Malaysia akan memperkukuh hubungan pertahanan dengan Turkiye melalui pemindahan teknologi.",
     ["SUPPORT MYS>TUR intended"]),
    ("Tentera Malaysia dan Thailand bekerjasama membanteras penyeludupan di sempadan.",
     ["COOPERATE MYS>THA asserted"]),
    ("Australia bersedia berkongsi maklumat perisikan dengan Indonesia.",
     ["AGREE AUS>IDN intended"]),
    ("Kerjasama pertahanan Malaysia-Korea Selatan kini memasuki fasa baharu.",
     ["COOPERATE MYS>KOR asserted"]),
    ("Vietnam belum bekerjasama dengan Filipina dalam operasi mencari dan menyelamat itu.",
     ["COOPERATE VNM>PHL negated"]),
    # AID
    ("Jepun menghulurkan bantuan kemanusiaan kepada Myanmar selepas gempa bumi itu.",
     ["AID JPN>MMR asserted"]),
    ("Malaysia menyumbang RM10 juta kepada Palestin melalui agensi PBB.",
     ["AID MYS>PSE asserted"]),
    ("China akan menghantar pakar perubatan ke Kemboja bulan depan.",
     ["AGREE CHN>KHM intended"]),
    ("Singapura menggesa Australia membantu Filipina memulihkan kawasan dilanda taufan.",
     ["REQUEST SGP>AUS asserted"]),
    ("Jika banjir berterusan, Brunei akan membantu Malaysia dengan bot penyelamat.",
     ["AID BRN>MYS hypothetical"]),
    ("Australia menyumbang bekalan perubatan kepada Vietnam semalam.",
     ["AID AUS>VNM asserted"]),
    # RETREAT
    ("Rusia berundur dari wilayah utara Ukraine selepas pertempuran sengit.",
     ["RETREAT RUS>UKR asserted"]),
    ("Myanmar membebaskan 20 nelayan Thailand yang ditahan sejak Mei.",
     ["RETREAT MMR>THA asserted"]),
    ("India dan Pakistan bersetuju dengan gencatan senjata di sempadan.",
     ["AGREE IND>PAK asserted"]),
    ("Israel tidak menarik balik tentera dari sempadan Palestin.",
     ["RETREAT ISR>PSE negated"]),
    ("Korea Utara dijangka membebaskan tahanan Korea Selatan minggu ini.",
     ["RETREAT PRK>KOR expected"]),
    ("Jika rundingan berjaya, Rusia akan membebaskan tawanan perang Ukraine.",
     ["RETREAT RUS>UKR hypothetical"]),
    # REQUEST
    ("Malaysia meminta Jepun mempertimbangkan pinjaman mudah untuk projek kereta api.",
     ["REQUEST MYS>JPN asserted"]),
    ("Indonesia menggesa China menghormati hak nelayannya di Laut Natuna.",
     ["REQUEST IDN>CHN asserted"]),
    ("Thailand menjemput Malaysia menyertai latihan ketenteraan Cobra Gold.",
     ["REQUEST THA>MYS asserted"]),
    ("Filipina belum memohon bantuan daripada Amerika Syarikat.",
     ["REQUEST PHL>USA negated"]),
    ("Vietnam dijangka meminta Rusia menangguhkan penghantaran pesawat itu.",
     ["REQUEST VNM>RUS expected"]),
    # ACCUSE
    ("Filipina mengecam tindakan China menembak meriam air ke arah kapal bekalannya.",
     ["ACCUSE PHL>CHN asserted"]),
    ("Rusia menuduh Britain membekalkan peluru berpandu kepada Ukraine.",
     ["ACCUSE RUS>GBR asserted"]),
    ("Malaysia mengkritik Israel kerana menyekat bantuan ke Gaza.",
     ["ACCUSE MYS>ISR asserted"]),
    ("Singapura tidak menyalahkan Indonesia atas jerebu tahun ini.",
     ["ACCUSE SGP>IDN negated"]),
    ("Iran dikecam oleh Perancis kerana menahan dua warganya.",
     ["ACCUSE FRA>IRN asserted"]),
    # REJECT
    ("Malaysia menolak tuntutan China ke atas perairan di luar Sarawak.",
     ["REJECT MYS>CHN asserted"]),
    ("Indonesia enggan menerima kapal pelarian dari Myanmar.",
     ["REJECT IDN>MMR asserted"]),
    ("Vietnam menafikan laporan bahawa kapalnya memasuki perairan Malaysia.",
     ["REJECT VNM>MYS asserted"]),
    ("Cadangan Jepun itu ditolak oleh Korea Selatan.",
     ["REJECT KOR>JPN asserted"]),
    ("Thailand mungkin menolak permohonan Kemboja untuk rundingan semula.",
     ["REJECT THA>KHM hypothetical"]),
    # THREATEN
    ("Korea Utara mengancam Korea Selatan dengan tindakan balas ketenteraan.",
     ["THREATEN PRK>KOR asserted"]),
    ("China memberi amaran kepada Filipina supaya tidak menghantar kapal ke beting itu.",
     ["THREATEN CHN>PHL asserted"]),
    ("Iran diugut oleh Israel dengan serangan udara.",
     ["THREATEN ISR>IRN asserted"]),
    ("Rusia tidak mengancam Finland, kata jurucakapnya, tetapi menuduh Britain campur tangan.",
     ["ACCUSE RUS>GBR asserted"]),
    ("Pakistan akan memberi amaran kepada India jika latihan itu diteruskan.",
     ["THREATEN PAK>IND intended"]),
    ("Iran mengugut Israel dengan tindakan balas.",
     ["THREATEN IRN>ISR asserted"]),
    # PROTEST
    ("Malaysia menghantar nota bantahan kepada China berhubung pencerobohan kapal pengawal pantainya.",
     ["PROTEST MYS>CHN asserted"]),
    ("Filipina membantah kehadiran kapal Vietnam di terumbu itu.",
     ["PROTEST PHL>VNM asserted"]),
    ("Indonesia memanggil duta Australia bagi menyatakan bantahan.",
     ["PROTEST IDN>AUS asserted"]),
    ("Jepun tidak membantah rancangan Korea Selatan membina pangkalan baharu.",
     ["PROTEST JPN>KOR negated"]),
    ("Thailand dijangka membantah keputusan Kemboja menutup laluan sempadan.",
     ["PROTEST THA>KHM expected"]),
    # SANCTION
    ("Amerika Syarikat mengenakan sekatan ekonomi ke atas Iran.",
     ["SANCTION USA>IRN asserted"]),
    ("Britain memutuskan hubungan diplomatik dengan Rusia.",
     ["SANCTION GBR>RUS asserted"]),
    ("Malaysia tidak akan memboikot Perancis, kata menteri itu.",
     ["SANCTION MYS>FRA negated"]),
    ("Jepun menggantung rundingan perdagangan dengan China.",
     ["SANCTION JPN>CHN asserted"]),
    ("Sekiranya ujian nuklear diteruskan, Korea Selatan akan mengenakan sekatan ke atas Korea Utara.",
     ["SANCTION KOR>PRK hypothetical"]),
    # MOBILIZE
    ("China menghantar kapal perang ke perairan berhampiran Filipina.",
     ["MOBILIZE CHN>PHL asserted"]),
    ("Rusia mengerahkan tentera di sempadan Ukraine.",
     ["MOBILIZE RUS>UKR asserted"]),
    ("India menempatkan tentera tambahan di sempadan Pakistan.",
     ["MOBILIZE IND>PAK asserted"]),
    ("Thailand tidak akan mengerahkan tentera ke sempadan Kemboja.",
     ["MOBILIZE THA>KHM negated"]),
    ("Korea Selatan bersiap sedia menghadapi Korea Utara selepas pelancaran peluru berpandu.",
     ["MOBILIZE KOR>PRK asserted"]),
    # COERCE
    ("Indonesia menahan dua kapal nelayan Vietnam di Laut Natuna.",
     ["COERCE IDN>VNM asserted"]),
    ("China merampas kargo milik Filipina di beting itu.",
     ["COERCE CHN>PHL asserted"]),
    ("Myanmar mengusir dua wartawan Thailand dari Yangon.",
     ["COERCE MMR>THA asserted"]),
    ("Nelayan Malaysia ditangkap oleh Indonesia kerana menceroboh.",
     ["COERCE IDN>MYS asserted"]),
    ("Rusia akan memberi tekanan kepada Ukraine, kata penganalisis.",
     ["COERCE RUS>UKR intended"]),
    # ASSAULT
    ("Rusia menyerang bandar Kharkiv di Ukraine dengan dron.",
     ["ASSAULT RUS>UKR asserted"]),
    ("Israel mengebom sasaran di Iran awal pagi ini.",
     ["ASSAULT ISR>IRN asserted"]),
    ("Pos kawalan Thailand diserang oleh Myanmar malam tadi.",
     ["ASSAULT MMR>THA asserted"]),
    ("India dan Pakistan bertempur di wilayah Kashmir.",
     ["ASSAULT IND>PAK asserted"]),
    ("Korea Utara tidak menyerang Korea Selatan, kata Seoul.",
     ["ASSAULT PRK>KOR negated"]),
]

EN = [
    # AGREE
    ("Malaysia and Japan agreed to expand defence research cooperation.", ["AGREE MYS>JPN asserted"]),
    ("South Korea will sign a defence cooperation pact with the Philippines next month.",
     ["AGREE KOR>PHL intended"]),
    ("Indonesia has not agreed to China's proposal on the fishing grounds.", ["AGREE IDN>CHN negated"]),
    ("Australia pledged to Vietnam that it would fund coast guard training.", ["AGREE AUS>VNM asserted"]),
    ("If the talks succeed, Thailand and Cambodia would sign a new border accord.",
     ["SUPPORT THA>KHM hypothetical"]),
    ("The memorandum was signed by France and Malaysia in Paris on Monday.", ["SUPPORT FRA>MYS asserted"]),
    # CONSULT
    ("Foreign Minister Mohamad Hasan met his Chinese counterpart in Beijing on Tuesday.",
     ["CONSULT MYS>CHN asserted"]),
    ("Prabowo will pay an official visit to Malaysia next week.", ["CONSULT IDN>MYS intended"]),
    ("Singapore and Malaysia are expected to hold talks on water supply in October.",
     ["CONSULT SGP>MYS expected"]),
    ("Malaysia has never negotiated with China over the overlapping claims.", ["CONSULT MYS>CHN negated"]),
    ("Vietnam hosted Australia for the annual maritime dialogue.", ["CONSULT VNM>AUS asserted"]),
    # SUPPORT
    ("Malaysia fully supports Indonesia as chair of the forum.", ["SUPPORT MYS>IDN asserted"]),
    ("Wang Yi praised Malaysia for its role in regional stability.", ["SUPPORT CHN>MYS asserted"]),
    ("Japan welcomed South Korea's decision to resume the dialogue.", ["SUPPORT JPN>KOR asserted"]),
    ("Malaysia does not support Israel's actions in Gaza.", ["SUPPORT MYS>ISR negated"]),
    ("Brunei congratulated Thailand on hosting the summit.", ["SUPPORT BRN>THA asserted"]),
    # CONCEDE
    ("China eased restrictions on fruit imports from the Philippines.", ["CONCEDE CHN>PHL asserted"]),
    ("Indonesia apologised to Singapore for the haze.", ["SUPPORT IDN>SGP asserted"]),
    ("Japan will not lift its ban on chip exports to China.", ["CONCEDE JPN>CHN negated"]),
    ("Myanmar conceded to Thailand's demand for a joint inquiry.", ["CONCEDE MMR>THA asserted"]),
    ("Russia could lift sanctions on Japan if talks resume.", ["RETREAT RUS>JPN hypothetical"]),
    # COOPERATE
    ("Malaysia will strengthen defence ties with Turkey through technology transfer.",
     ["AGREE MYS>TUR intended"]),
    ("Australia is ready to share intelligence with Indonesia.", ["AGREE AUS>IDN intended"]),
    ("Thailand has not worked with Cambodia on the border survey.", ["COOPERATE THA>KHM negated"]),
    ("Malaysian and Thai troops worked together to curb smuggling along the border.",
     ["COOPERATE MYS>THA asserted"]),
    ("The Philippines and Vietnam held joint patrols in the South China Sea.",
     ["COOPERATE PHL>VNM asserted"]),
    # AID
    ("Japan provided humanitarian aid to Myanmar after the earthquake.", ["AID JPN>MMR asserted"]),
    ("Malaysia donated 10 million ringgit to Palestine through UN agencies.", ["AID MYS>PSE asserted"]),
    ("China will send medical teams to Cambodia next month.", ["AGREE CHN>KHM intended"]),
    ("Singapore urged Australia to help the Philippines rebuild after the typhoon.",
     ["REQUEST SGP>AUS asserted"]),
    ("If the floods continue, Brunei would assist Malaysia with rescue boats.",
     ["AID BRN>MYS hypothetical"]),
    ("Australia donated medical supplies to Vietnam yesterday.", ["AID AUS>VNM asserted"]),
    # RETREAT
    ("Russia withdrew its troops from northern Ukraine after heavy fighting.", ["RETREAT RUS>UKR asserted"]),
    ("Myanmar released 20 Thailand fishermen held since May.", ["RETREAT MMR>THA asserted"]),
    ("Israel did not pull out of the border zone with Iran.", ["RETREAT ISR>IRN negated"]),
    ("North Korea is expected to release South Korea's detainees this week.", ["RETREAT PRK>KOR expected"]),
    ("India and Pakistan agreed to a ceasefire along the border.", ["AGREE IND>PAK asserted"]),
    ("If the talks succeed, Russia would release Ukraine's prisoners of war.",
     ["RETREAT RUS>UKR hypothetical"]),
    # REQUEST
    ("Malaysia asked Japan to consider a soft loan for the rail project.", ["REQUEST MYS>JPN asserted"]),
    ("Indonesia urged China to respect its fishermen's rights.", ["REQUEST IDN>CHN asserted"]),
    ("Thailand invited Malaysia to join the Cobra Gold exercise.", ["REQUEST THA>MYS asserted"]),
    ("The Philippines has not requested assistance from the United States.", ["REQUEST PHL>USA negated"]),
    ("Vietnam is expected to ask Russia to delay the aircraft delivery.", ["REQUEST VNM>RUS expected"]),
    # ACCUSE
    ("The Philippines condemned China for firing water cannon at its supply boat.",
     ["ACCUSE PHL>CHN asserted"]),
    ("Russia accused Britain of supplying missiles to Ukraine.", ["ACCUSE RUS>GBR asserted"]),
    ("Malaysia criticised Israel for blocking aid to Gaza.", ["ACCUSE MYS>ISR asserted"]),
    ("Singapore did not blame Indonesia for this year's haze.", ["ACCUSE SGP>IDN negated"]),
    ("Iran was condemned by France for detaining two of its citizens.", ["ACCUSE FRA>IRN asserted"]),
    # REJECT
    ("Malaysia rejected China's claim to waters off Sarawak.", ["REJECT MYS>CHN asserted"]),
    ("Indonesia refused boats carrying refugees from Myanmar.", ["REJECT IDN>MMR asserted"]),
    ("Vietnam denied reports that its vessel had entered Malaysia's waters.", ["REJECT VNM>MYS asserted"]),
    ("Japan's proposal was rejected by South Korea.", ["REJECT KOR>JPN asserted"]),
    ("Thailand might reject Cambodia's request for new talks.", ["REJECT THA>KHM hypothetical"]),
    # THREATEN
    ("North Korea threatened South Korea with military retaliation.", ["THREATEN PRK>KOR asserted"]),
    ("China warned the Philippines against sending ships to the shoal.", ["THREATEN CHN>PHL asserted"]),
    ("Iran was threatened by Israel with air strikes.", ["THREATEN ISR>IRN asserted"]),
    ("Russia has not threatened Finland, a spokesman said, but accused Britain of meddling.",
     ["ACCUSE RUS>GBR asserted"]),
    ("Pakistan will warn India if the exercise goes ahead.", ["THREATEN PAK>IND intended"]),
    ("Iran threatened Israel with retaliation.", ["THREATEN IRN>ISR asserted"]),
    # PROTEST
    ("Malaysia lodged a protest with China over the intrusion by its coast guard ship.",
     ["PROTEST MYS>CHN asserted"]),
    ("The Philippines protested against the presence of Vietnam's vessels at the reef.",
     ["PROTEST PHL>VNM asserted"]),
    ("Indonesia summoned Australia's ambassador to protest the spying.", ["PROTEST IDN>AUS asserted"]),
    ("Japan did not protest South Korea's plan to build a new base.", ["PROTEST JPN>KOR negated"]),
    ("Thailand is expected to protest Cambodia's decision to close the crossing.",
     ["PROTEST THA>KHM expected"]),
    # SANCTION
    ("The United States imposed sanctions on Iran.", ["SANCTION USA>IRN asserted"]),
    ("Britain severed ties with Russia.", ["SANCTION GBR>RUS asserted"]),
    ("Malaysia will not boycott France, the minister said.", ["SANCTION MYS>FRA negated"]),
    ("Japan suspended trade talks with China.", ["SANCTION JPN>CHN asserted"]),
    ("If the nuclear test goes ahead, South Korea would impose sanctions on North Korea.",
     ["SANCTION KOR>PRK hypothetical"]),
    # MOBILIZE
    ("China sent warships to waters near the Philippines.", ["MOBILIZE CHN>PHL asserted"]),
    ("Russia deployed troops along its border with Ukraine.", ["MOBILIZE RUS>UKR asserted"]),
    ("India mobilised extra forces on the border with Pakistan.", ["MOBILIZE IND>PAK asserted"]),
    ("Thailand will not deploy troops to the border with Cambodia.", ["MOBILIZE THA>KHM negated"]),
    ("South Korea put its forces on high alert against North Korea after the launch.",
     ["MOBILIZE KOR>PRK asserted"]),
    # COERCE
    ("Indonesia detained two Vietnam fishing boats in the Natuna Sea.", ["COERCE IDN>VNM asserted"]),
    ("China seized cargo belonging to the Philippines at the shoal.", ["COERCE CHN>PHL asserted"]),
    ("Myanmar expelled Thailand's diplomats from Yangon.", ["COERCE MMR>THA asserted"]),
    ("Malaysian fishermen were arrested by Indonesia for trespassing.", ["COERCE IDN>MYS asserted"]),
    ("Russia will put pressure on Ukraine, analysts said.", ["COERCE RUS>UKR intended"]),
    # ASSAULT
    ("Russia attacked the city of Kharkiv in Ukraine with drones.", ["ASSAULT RUS>UKR asserted"]),
    ("Israel bombed targets in Iran early on Friday.", ["ASSAULT ISR>IRN asserted"]),
    ("A Thailand border post was attacked by Myanmar overnight.", ["ASSAULT MMR>THA asserted"]),
    ("India and Pakistan clashed in Kashmir.", ["ASSAULT IND>PAK asserted"]),
    ("North Korea did not attack South Korea, Seoul said.", ["ASSAULT PRK>KOR negated"]),
]


def coded(text: str) -> list[str]:
    doc = make_doc(text)
    return [
        f"{e.type} {','.join(sorted(country_of(doc, a) for a in e.source))}>"
        f"{','.join(sorted(country_of(doc, a) for a in e.target))} {e.modality}"
        for e in extract(doc)
    ]


@pytest.mark.parametrize(("text", "expected"), MS, ids=[f"ms{i}" for i in range(len(MS))])
def test_malay(text: str, expected: list[str]) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(("text", "expected"), EN, ids=[f"en{i}" for i in range(len(EN))])
def test_english(text: str, expected: list[str]) -> None:
    assert coded(text) == expected

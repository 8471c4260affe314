"""Speaker attribution across an article (extract/claims/discourse.py, attribution.py). Sentences are invented;
each test is a structure (byline, description subject, question line, institution subject), not a phrase."""
from extract.claims import extract_claims


def claims(text, published="2025-03-12"):
    return {c["value"]: c for c in extract_claims({"id": "A", "text": text, "published": published})}


OPINION = (
    "Pasar Daring dan Koperasi Desa\n"
    "Oleh: Maria Yosefina Lewerissa, Peneliti Lembaga Kajian Ekonomi Rakyat Ambon\n\n"
    "Data Dinas Koperasi dan UKM Maluku mencatat 41 ribu UMKM sudah memiliki toko daring pada 2024.\n\n"
    "Artinya, baru sekitar 27 persen usaha di provinsi ini yang berjualan lewat internet.\n\n"
    "Dalam pendampingan kami terhadap 260 koperasi desa, hanya 38 persen yang mencatat penjualan secara digital.\n\n"
    "Menteri Koperasi Budi Arie Setiadi menyebut pemerintah menargetkan 80 ribu koperasi desa terbentuk tahun ini.\n\n"
    "Karena itu, saya mengusulkan agar setiap koperasi desa mendapat pendamping digital paling lambat 2027, "
    "dengan sasaran 60 persen koperasi memakai aplikasi kasir.\n"
)


def test_opinion_writer_speaks_in_the_first_person_and_in_own_arithmetic():
    cs = claims(OPINION)
    assert cs[38]["speaker"] == "Maria Yosefina Lewerissa"
    assert cs[38]["speaker_title"].startswith("Peneliti")
    assert cs[27]["speaker"] == "Maria Yosefina Lewerissa"  # "Artinya, ..."
    assert cs[60]["speaker"] == "Maria Yosefina Lewerissa"  # "saya mengusulkan": not the minister named before


def test_opinion_cited_sources_keep_their_own_attribution():
    cs = claims(OPINION)
    assert cs[41_000]["speaker"] is None
    assert cs[80_000]["speaker"] == "Budi Arie Setiadi"


def test_the_journalists_own_arithmetic_in_news_has_no_speaker():
    text = ("Kepala Dinas Koperasi Kota Ambon, Herman Latuconsina, mengatakan 1.200 UMKM sudah terdaftar di "
            "katalog daring kota. \"Tahun ini kami tambah 800 lagi,\" ujarnya.\n\n"
            "Artinya, jumlah UMKM di katalog itu akan menjadi 2.000 unit pada akhir tahun.")
    cs = claims(text)
    assert cs[1200]["speaker"] == "Herman Latuconsina"
    assert cs[2000]["speaker"] is None


def test_description_subject_refers_back_to_a_person_the_ner_did_not_tag():
    text = ("Di sebuah bengkel kayu di Jepara, Selasa (11/3/2025), Slamet Riyadi dan empat pekerjanya merampungkan "
            "pesanan lemari.\n\n"
            "Pemilik usaha mebel Jati Lestari itu mengaku omzetnya naik tiga kali lipat sejak berjualan di "
            "lokapasar. \"Sekarang pembeli datang dari Malaysia juga,\" ujarnya.")
    cs = claims(text)
    assert cs[3]["speaker"] == "Slamet Riyadi"


def test_cataphora_a_description_resolves_to_the_person_named_just_after():
    text = ("Kepala Dinas Koperasi Kabupaten Sikka, Yohanes Parera, mengatakan 300 UMKM ikut pelatihan daring tahun "
            "lalu.\n\n"
            "Mantan bankir itu memperkirakan nilai transaksi daring UMKM Flores bisa mencapai Rp 40 miliar per tahun. "
            "\"Pasarnya ada, tinggal logistiknya,\" kata Direktur Koperasi Kredit Nusa Indah, Agustina Wele.")
    cs = claims(text)
    assert cs[40_000_000_000]["speaker"] == "Agustina Wele"
    assert cs[300]["speaker"] == "Yohanes Parera"


def test_pronoun_refers_to_the_person_who_is_the_subject_of_the_previous_sentence():
    text = ("Kepala BPS Provinsi Maluku, Ridwan Tamher, mengatakan 62 persen usaha di Maluku berskala mikro.\n\n"
            "Kepala Dinas Koperasi Maluku, Elsina Pattiasina, menyambut baik data tersebut. Ia menyebut pemprov "
            "menargetkan 30 ribu UMKM berjualan daring pada 2026.")
    cs = claims(text)
    assert cs[62]["speaker"] == "Ridwan Tamher"
    assert cs[30_000]["speaker"] == "Elsina Pattiasina"


def test_an_institution_subject_is_the_speakers_own_when_it_is_his_office():
    text = ("Kepala Perwakilan BI Maluku, Andreas Pattipeilohy, mengatakan penggunaan QRIS terus meluas.\n\n"
            "BI Maluku menargetkan 150 ribu merchant QRIS pada akhir 2025.\n\n"
            "Sementara itu, Pemprov Papua menganggarkan Rp 12 miliar untuk pelatihan digital UMKM tahun ini.")
    cs = claims(text)
    assert cs[150_000]["speaker"] == "Andreas Pattipeilohy"
    assert cs[12_000_000_000]["speaker"] is None


def test_interviewer_lines_are_not_the_interviewees_words():
    text = ("Kami berbincang dengan Kepala Dinas Koperasi dan UKM Maluku Utara, Rahmat Sangaji, soal UMKM digital.\n\n"
            "Redaksi: Data dinas menyebut 18 ribu UMKM sudah daring. Itu baru sekitar 20 persen?\n\n"
            "Rahmat: Betul. Tahun depan kami ingin menambah 10 ribu UMKM lagi.")
    cs = claims(text)
    assert cs[10_000]["speaker"] == "Rahmat Sangaji"
    assert cs[20]["speaker"] is None


def test_a_one_word_tail_of_an_organisation_name_is_not_a_person():
    text = ("Direktorat Jenderal Perbendaharaan mencatat penyaluran KUR di Maluku mencapai Rp 1,4 triliun "
            "hingga Februari 2025.")
    cs = claims(text)
    assert cs[1_400_000_000_000]["speaker"] is None


def test_answers_of_an_unlabelled_interview_are_the_interviewees():
    text = ("AMBON - Kami mewawancarai Kepala Dinas Koperasi Maluku, Elsina Pattiasina, mengatakan soal "
            "digitalisasi. Berikut petikannya.\n\n"
            "Berapa koperasi yang sudah memakai aplikasi?\n\n"
            "Sekitar 420 koperasi. Tahun depan kami ingin 700 koperasi.\n\n"
            "Data kementerian menyebut 2.100 koperasi aktif di Maluku. Apakah itu cukup?\n\n"
            "Belum. Kami juga mengajukan dana Rp 3 miliar untuk pendampingan.")
    cs = claims(text)
    assert cs[420]["speaker"] == "Elsina Pattiasina"
    assert cs[3_000_000_000]["speaker"] == "Elsina Pattiasina"
    assert cs[2100]["speaker"] is None  # the interviewer's question


def test_a_place_read_into_a_name_leaves_it_when_the_person_is_called_by_surname():
    text = ("Kepala Dinas Perdagangan Sulsel Andi Baso Mattalatta mengatakan 9 ribu pedagang pasar sudah memakai QRIS. "
            "Di Ternate, Kepala Dinas Koperasi Ternate Muhammad Rizki Albaar mengatakan 450 UMKM ikut pelatihan. "
            "Albaar menambahkan, 120 di antaranya sudah berjualan di lokapasar di Ternate.")
    cs = claims(text)
    assert cs[9000]["speaker"] == "Andi Baso Mattalatta"
    assert cs[450]["speaker"] == "Muhammad Rizki Albaar"


def test_a_name_followed_by_an_age_in_brackets_is_a_person_the_ner_may_miss():
    text = ("Kepala Dinas Koperasi Kota Kupang, Yosef Bria, mengatakan 500 UMKM sudah berjualan daring.\n\n"
            "Lusiana (38), penjual kue di Pasar Oeba, mengaku omzetnya naik 25 persen sejak memakai QRIS.\n\n"
            "Di Gianyar, tangan Ni Luh Sariasih (44) sibuk menata 30 lembar kain di etalase tokonya. "
            "Perempuan yang merintis usaha sejak 2010 itu mengaku penjualan daringnya kini 60 persen.")
    cs = claims(text)
    assert cs[500]["speaker"] == "Yosef Bria"
    assert cs[25]["speaker"] == "Lusiana"
    assert cs[60]["speaker"] == "Ni Luh Sariasih"


def test_interview_introduction_names_the_interviewee_behind_a_long_title():
    text = ("Bank daerah makin aktif menyalurkan kredit mikro. Harian kami mewawancarai Senior Vice President "
            "Micro Banking PT Bank Sulutgo Tbk Hendrik Pangemanan di Manado, Kamis (4/4/2024). Berikut petikannya.\n\n"
            "Berapa plafon kredit mikro tahun ini?\n\n"
            "Kami menyiapkan Rp 900 miliar. Sampai Maret sudah tersalur kepada 4.200 debitur.\n\n"
            "Bagaimana dengan pembayaran digital?\n\n"
            "Tahun ini kami bidik 20 ribu merchant QRIS baru.")
    cs = claims(text)
    assert cs[900_000_000_000]["speaker"] == "Hendrik Pangemanan"
    assert cs[4200]["speaker"] == "Hendrik Pangemanan"
    assert cs[20_000]["speaker"] == "Hendrik Pangemanan"


def test_said_verb_then_a_long_english_title_names_the_speaker_and_menurut_dia_stays_with_him():
    text = ("\"Kami menargetkan 12 ribu UMKM bergabung sebagai penjual tahun ini,\" kata Head of Merchant Acquisition and Sales "
            "BNI Indra Kusumo.\n\n"
            "Menurut dia, kenaikan terjadi setelah Gubernur Sulawesi Utara Olly Dondokambey meminta semua dinas "
            "membayar pengadaan lewat aplikasi, dengan nilai Rp 30 miliar.")
    cs = claims(text)
    assert cs[12_000]["speaker"] == "Indra Kusumo"
    assert cs[30_000_000_000]["speaker"] == "Indra Kusumo"


def test_balinese_prefix_after_a_region_word_stays_in_the_name():
    text = ("Kepala Dinas Pariwisata Gianyar I Wayan Suarta Jaya mengatakan 300 UMKM kerajinan sudah berjualan daring. "
            "\"Tahun depan kami targetkan 200 UMKM lagi,\" ujar Suarta Jaya.")
    cs = claims(text)
    assert cs[300]["speaker"] == "I Wayan Suarta Jaya"
    assert cs[200]["speaker"] == "I Wayan Suarta Jaya"


def test_an_organisation_name_read_into_a_person_is_cut_where_the_article_names_the_organisation():
    text = ("Salah satu koperasi yang sudah memakai aplikasi adalah Koperasi Serba Usaha (KSU) Tani Makmur di Blitar.\n\n"
            "\"Sekarang 65 persen anggota kami bertransaksi lewat aplikasi,\" kata Ketua KSU Tani Makmur Suyatno.")
    cs = claims(text)
    assert cs[65]["speaker"] == "Suyatno"


def test_a_possessive_list_header_with_a_colon_is_no_interviewer_label():
    text = ("Kepala Dinas Koperasi Kota Palu, Yahya Lamarauna, mengatakan program kios digital terus diperluas.\n\n"
            "Dinas juga menyiapkan program kasir digital. Sasarannya: 90 koperasi di 13 kecamatan pada 2026.\n\n"
            "Rinciannya: 52 persen koperasi simpan pinjam dan 48 persen koperasi konsumen.")
    cs = claims(text)
    assert cs[90]["speaker"] == "Yahya Lamarauna"
    assert cs[52]["speaker"] == "Yahya Lamarauna"


def test_the_interviewee_is_named_after_the_interview_verb_not_the_journalist_before_it():
    text = ("Menteri Koperasi Budi Arie Setiadi pernah menargetkan 80 ribu koperasi desa.\n\n"
            "Wartawan kami, Yuliana Tanod, berbincang dengan Ketua Koperasi Nelayan Bitung, Frangky Lumenta, di Bitung. "
            "Berikut petikannya.\n\n"
            "Berapa anggota yang sudah memakai aplikasi?\n\n"
            "Sekitar 640 anggota. Tahun depan kami ingin semua 900 anggota memakainya.\n\n"
            "Bagaimana dengan pembiayaan?\n\n"
            "Kami mengajukan Rp 2 miliar ke bank daerah.")
    cs = claims(text)
    assert cs[640]["speaker"] == "Frangky Lumenta"
    assert cs[2_000_000_000]["speaker"] == "Frangky Lumenta"
    assert cs[80_000]["speaker"] == "Budi Arie Setiadi"


def test_an_opinion_piece_signed_at_the_end_is_the_writers_in_the_first_person():
    text = ("Menakar Koperasi Digital di Timur\n\n"
            "Kementerian Koperasi mencatat 4.100 koperasi di Papua sudah memakai aplikasi akuntansi.\n\n"
            "Pendampingan yang kami lakukan di 85 koperasi menunjukkan hanya 30 persen yang memakainya setiap bulan.\n\n"
            "Karena itu, saya mengusulkan sasaran 2.000 koperasi aktif bertransaksi digital pada 2027.\n\n"
            "Agustinus Wenda, dosen ekonomi Universitas Cenderawasih")
    cs = claims(text)
    assert cs[30]["speaker"] == "Agustinus Wenda"
    assert cs[2000]["speaker"] == "Agustinus Wenda"
    assert cs[4100]["speaker"] is None


def test_a_name_between_honorifics_and_degrees_is_a_person():
    text = ("Kepala Dinas Koperasi Kabupaten Kudus, Drs. H. Mashuri Wibowo, M.Si., dalam keterangannya mengatakan "
            "1.300 UMKM sudah berjualan daring.\n\n"
            "Mashuri menambahkan, dinas menargetkan 2.000 UMKM pada 2026.")
    cs = claims(text)
    assert cs[1300]["speaker"] == "Mashuri Wibowo"
    assert cs[2000]["speaker"] == "Mashuri Wibowo"


def test_a_name_followed_by_its_role_in_commas_is_the_subject_not_a_word_of_the_role():
    text = ("Kepala Dinas Koperasi Kota Kendari, Yusran Tamburaka, mengatakan 700 UMKM sudah memakai QRIS.\n\n"
            "Rahmawati Dewi, Ketua Himpunan Pengusaha Tenun Kendari, menyebut baru 45 anggota himpunan yang punya "
            "toko daring.")
    cs = claims(text)
    assert cs[45]["speaker"] == "Rahmawati Dewi"


def test_data_of_an_office_named_by_a_common_noun_belongs_to_the_official_not_the_last_trader():
    text = ("Kepala Dinas Koperasi Kota Kendari, Yusran Tamburaka, mengatakan 700 UMKM sudah memakai QRIS.\n\n"
            "\"Sekarang pembeli bisa bayar pakai ponsel,\" kata Siti Aminah, penjual kain tenun di Pasar Sentral.\n\n"
            "Dari catatan dinas, baru 15 persen pedagang pasar di Kendari yang berjualan daring.")
    cs = claims(text)
    assert cs[15]["speaker"] == "Yusran Tamburaka"


def test_a_quotation_whose_opening_mark_ends_the_sentence_before_is_the_speakers_own_arithmetic():
    text = ("Kepala Dinas Koperasi Kota Bitung, Frangky Lumenta, menargetkan koperasi digital naik menjadi 400 unit. "
            "\"Artinya 150 koperasi harus sudah memakai aplikasi sebelum Desember. Kami jemput bola,\" katanya.")
    cs = claims(text)
    assert cs[150]["speaker"] == "Frangky Lumenta"


def test_a_description_holding_an_institution_refers_to_a_person_not_the_institution():
    text = ("Kementerian Koperasi menargetkan 500 koperasi desa memakai aplikasi kasir tahun ini.\n\n"
            "Mantan anggota Komisi VI DPR itu menyebutkan baru 120 koperasi desa yang memakainya.\n\n"
            "\"Kami kejar sisanya sampai Desember,\" kata Menteri Koperasi Budi Arie Setiadi di Jakarta.")
    cs = claims(text)
    assert cs[120]["speaker"] == "Budi Arie Setiadi"


def test_an_english_director_title_names_the_speaker():
    text = ("Platform Belanjaku mengklaim jumlah penjualnya terus naik.\n\n"
            "Director Belanjaku Indonesia Maria Sumampouw mengatakan kini ada 300 ribu penjual UMKM lokal di platformnya. \"Separuhnya dari "
            "luar Jawa,\" ujar Maria.")
    cs = claims(text)
    assert cs[300_000]["speaker"] == "Maria Sumampouw"


def test_r7_a_restated_target_is_credited_to_the_official_not_the_commentator_who_judges_it():
    text = ("Pengamat ekonomi digital Rina Kartika menilai sasaran 500 ribu eksportir kecil pada 2027 terlalu rendah.\n\n"
            "Menteri Perdagangan Budi Santoso menegaskan sasaran 500 ribu eksportir kecil pada 2027 tidak berubah.")
    cs = claims(text, published="2025-06-10")
    assert cs[500_000]["speaker"] == "Budi Santoso"
    assert cs[500_000]["quote"].startswith("Menteri Perdagangan")


def test_r11_a_lede_figure_goes_to_the_first_speaker_only_when_he_states_or_refers_to_it():
    unrelated = ("Koperasi yang memakai aplikasi akuntansi di Sulawesi Tengah kini berjumlah 3.400 unit.\n\n"
                 "Kepala Dinas Koperasi Sulteng, Yahya Lamarauna, mengatakan pelatihan akan diperluas ke 13 kabupaten.")
    assert claims(unrelated)[3400]["speaker"] is None
    restated = ("Koperasi yang memakai aplikasi akuntansi di Sulawesi Tengah kini berjumlah 3.400 unit.\n\n"
                "Kepala Dinas Koperasi Sulteng, Yahya Lamarauna, mengatakan capaian itu naik dua kali lipat. "
                "\"Sudah 3.400 yang rutin memakai,\" ujarnya.")
    assert claims(restated)[3400]["speaker"] == "Yahya Lamarauna"


def test_a_member_of_parliament_who_questions_a_figure_is_its_subject_and_the_antecedent_of_ia():
    text = ("Menteri Koperasi Budi Arie Setiadi mengatakan 9.000 koperasi sudah memakai aplikasi.\n\n"
            "Anggota Komisi VI DPR dari Fraksi Nasdem Yohana Nuban mempertanyakan data tersebut. Ia menyebut baru "
            "40 persen koperasi itu yang aktif.")
    cs = claims(text)
    assert cs[40]["speaker"] == "Yohana Nuban"


def test_a_person_introduced_with_her_age_is_who_the_paragraph_and_its_nya_are_about():
    text = ("Kepala Dinas Koperasi Kota Kupang, Yosef Bria, mengatakan 500 UMKM sudah berjualan daring.\n\n"
            "Salah satunya adalah Maria Goreti (39), perajin tenun ikat di Oebobo. Sejak berjualan di lokapasar, "
            "pesanannya naik 45 persen. \"Sekarang pembeli dari Jawa juga ada,\" ujarnya.")
    cs = claims(text)
    assert cs[45]["speaker"] == "Maria Goreti"
    assert cs[500]["speaker"] == "Yosef Bria"


def test_a_description_after_a_said_verb_is_the_person_the_story_opened_with():
    text = ("Liputan, Ende - Dapur rumah Yuliana Bhoga di Kelurahan Onekore masih dipenuhi toples kue, sementara "
            "usaha kecil Bhoga Snack miliknya sepi pesanan.\n\n"
            "\"Dulu pelanggan daring saya 300 orang, sekarang 80 saja,\" kata ibu dua anak itu.\n\n"
            "Omzetnya sempat mencapai Rp 20 juta per bulan.")
    cs = claims(text)
    assert cs[300]["speaker"] == "Yuliana Bhoga"
    assert cs[20_000_000]["speaker"] == "Yuliana Bhoga"


def test_a_one_word_name_after_a_description_in_commas_is_the_subject():
    text = ("Kepala Dinas Perdagangan Kota Ternate, Nuryadin Rachman, mengatakan 900 pedagang sudah memakai QRIS.\n\n"
            "Salah seorang pedagang ikan di Pasar Gamalama, Samsiah, mengaku kini melayani 40 pesanan daring sepekan.")
    cs = claims(text)
    assert cs[40]["speaker"] == "Samsiah"


def test_a_name_particle_before_a_listed_name_makes_another_person():
    # the gazetteer lists Budi Santoso (minister of trade); "Sri Budi Santoso", head of a city office, is not him
    text = ("Kepala Dinas Koperasi dan UKM Kabupaten Jepara, Sri Budi Santoso, mengatakan pihaknya menargetkan 300 UMKM "
            "perajin berjualan daring pada 2026. "
            "\"Sejak Januari kami sudah melatih 200 perajin,\" katanya.")
    cs = claims(text, published="2025-05-02")
    assert cs[300]["speaker"] == "Sri Budi Santoso"
    assert cs[300]["speaker_title"] == "Kepala Dinas Koperasi dan UKM Kabupaten Jepara"
    assert cs[200]["speaker"] == "Sri Budi Santoso"


def test_a_paragraph_of_narration_about_a_named_person_is_hers_not_the_last_speakers():
    text = ("Pengamat ekonomi digital Rudi Hartono menilai penjual kecil perlu waktu beradaptasi. \"Pembelinya "
            "impulsif,\" kata Rudi.\n\n"
            "Wulan Sari, pemilik toko kue di Palu, tak mau menyerah. Dalam sepekan pertama, toko daringnya mencatat "
            "35 pesanan UMKM.")
    cs = claims(text)
    assert cs[35]["speaker"] == "Wulan Sari"


def test_r7_the_officials_account_of_his_institutions_target_beats_a_judgement_of_it():
    text = ("Kepala Perwakilan BI Sulawesi Tengah, Dwi Asmara, mengatakan pedagang kecil makin banyak memakai QRIS. "
            "Bank sentral pun menargetkan 90 ribu merchant UMKM QRIS di Sulteng pada 2026.\n\n"
            "Ketua Asosiasi Pedagang Pasar Palu, Ridwan Lamaju, menilai target 90 ribu merchant pada 2026 terlalu tinggi.")
    cs = claims(text)
    assert cs[90_000]["speaker"] == "Dwi Asmara"


def test_kalau_dihitung_opens_the_writers_own_arithmetic():
    text = ("Oleh: Fransiska Lewa, peneliti Pusat Kajian Ekonomi Flores\n\n"
            "Badan Pusat Statistik mencatat hanya 9 persen dari 120 ribu UMKM di Flores yang berjualan daring. "
            "Kalau dihitung, itu setara dengan sekitar 10.800 usaha.")
    cs = claims(text)
    assert cs[10_800]["speaker"] == "Fransiska Lewa"


def test_r11_narration_before_the_speaker_is_his_when_he_restates_the_number_later():
    text = ("Bank Indonesia Sulawesi Tengah merilis survei digitalisasi UMKM 2025 yang melibatkan 900 responden.\n\n"
            "Hasilnya, 57,5 persen responden sudah menerima pembayaran QRIS.\n\n"
            "\"Angka 57,5 persen itu kami harap naik lagi tahun depan,\" kata Kepala Perwakilan BI Sulteng Dwi Asmara.")
    cs = claims(text)
    assert cs[57.5]["speaker"] == "Dwi Asmara"


def test_a_company_name_read_into_a_person_leaves_it_when_the_person_is_called_by_a_later_part():
    text = ("Direktur Bisnis Mikro PT Bank Sulawesi Makmur Rahmi Tandiabang mengatakan 4.000 UMKM sudah memakai QRIS "
            "bank itu.\n\nRahmi menambahkan, bank menyiapkan Rp 50 miliar kredit UMKM tahun ini.")
    cs = claims(text)
    assert cs[4000]["speaker"] == "Rahmi Tandiabang"
    assert cs[50_000_000_000]["speaker"] == "Rahmi Tandiabang"


def test_opinion_narration_of_what_an_institution_did_is_the_writers_its_own_figures_are_its():
    text = ("Oleh: Markus Tuhuteru, peneliti Pusat Studi Ekonomi Maluku\n\n"
            "Pekan lalu, Gojek resmi membeli 40 persen saham sebuah aplikasi kasir UMKM.\n\n"
            "Bank Indonesia memproyeksikan transaksi QRIS UMKM di Maluku tumbuh 35 persen tahun ini.")
    cs = claims(text)
    assert cs[40]["speaker"] == "Markus Tuhuteru"
    assert cs[35]["speaker"] is None


def test_a_caption_line_closing_a_news_story_names_no_writer():
    text = ("Kepala Dinas Koperasi Kota Palu, Yahya Lamarauna, mengatakan 1.200 UMKM sudah berjualan daring.\n\n"
            "Menurut dia, dinas menargetkan 2.000 UMKM pada 2026.\n\n"
            "Data dinas juga mencatat 35 persen pedagang pasar memakai QRIS.\n\n"
            "Siti Aminah, pemilik warung kopi di Palu")
    cs = claims(text)
    assert cs[35]["speaker"] == "Yahya Lamarauna"


def test_answer_labels_of_a_transcript_are_the_interviewees():
    text = ("Wartawan kami mewawancarai Kepala Dinas Koperasi Sulawesi Tenggara, La Ode Rusdin, di Kendari.\n\n"
            "Tanya: Berapa UMKM di Sultra yang sudah berjualan daring?\n\n"
            "Jawab: Sekitar 48 ribu UMKM.\n\n"
            "Tanya: Anggarannya berapa?\n\n"
            "Jawab: Kami siapkan Rp 6 miliar dari APBD.")
    cs = claims(text)
    assert cs[48_000]["speaker"] == "La Ode Rusdin"
    assert cs[6_000_000_000]["speaker"] == "La Ode Rusdin"


def test_hal_itu_disampaikan_names_the_speaker_of_what_came_before():
    text = ("PALU - Pemerintah Provinsi Sulawesi Tengah menargetkan 50 ribu UMKM masuk ekosistem digital pada 2026.\n\n"
            "Hal itu disampaikan Kepala Dinas Koperasi dan UKM Sulteng Yahya Lamarauna di Palu, Senin (3/3/2025).\n\n"
            "Pengamat ekonomi Universitas Tadulako, Moh. Ahlis Djirimu, menilai target 50 ribu UMKM pada 2026 "
            "masih realistis.")
    cs = claims(text)
    assert cs[50_000]["speaker"] == "Yahya Lamarauna"


def test_a_commentators_judgement_does_not_take_an_institutions_figure():
    text = ("PALU - Pemerintah Provinsi Sulawesi Tengah menargetkan 50 ribu UMKM masuk ekosistem digital pada 2026.\n\n"
            "Sementara itu, pedagang kain di Pasar Inpres, Hasna Lamato, mengaku omzetnya naik 30 persen sejak "
            "memakai QRIS.\n\n"
            "Pengamat ekonomi Universitas Tadulako, Moh. Ahlis Djirimu, menilai target 50 ribu UMKM pada 2026 "
            "masih realistis.")
    cs = claims(text)
    assert cs[50_000]["speaker"] is None
    assert cs[30]["speaker"] == "Hasna Lamato"


def test_a_place_named_like_a_listed_person_is_no_speaker_and_a_one_word_name_follows_the_role():
    # the gazetteer lists Bima Laga (idEA) with the short form "Bima"; "Kota Bima" is a city
    text = ("\"Sekarang sudah 2.300 pedagang UMKM yang pakai QRIS,\" ujar Kepala Bidang UMKM Dinas Koperasi Kota Bima, "
            "Nurhaidah, Selasa (4/3/2025).\n\n"
            "\"Tahun ini kami targetkan 1.000 koperasi sudah digital,\" kata H. Abdul Muis, S.E., M.M., Ketua Dekopinda "
            "Kota Bima.")
    cs = claims(text)
    assert cs[2300]["speaker"] == "Nurhaidah"
    assert cs[1000]["speaker"] == "Abdul Muis"


def test_a_name_with_its_role_in_commas_opening_a_sentence_is_who_the_next_nya_refers_to():
    text = ("\"Tahun ini kami targetkan 500 UMKM tenun masuk marketplace,\" kata Maria Goreti Lobo, Kepala Dinas Koperasi "
            "Kota Kupang.\n\n"
            "Yosef Ndun, perajin tenun di Oebobo, juga merasakan manfaat pelatihan itu. \"Penjualan saya naik 40 persen,\" "
            "ujarnya.\n\n"
            "Program Tenun Digital, yang menghadirkan pelatihan foto produk, kini menjangkau 150 perajin.")
    cs = claims(text)
    assert cs[40]["speaker"] == "Yosef Ndun"
    assert cs[150]["speaker"] != "Program Tenun Digital"
    place = claims("Papua Pegunungan, provinsi termuda di Indonesia, mencatat 12 ribu UMKM sudah memakai QRIS.")
    assert place[12_000]["speaker"] is None


def test_a_role_set_off_after_the_name_is_the_speakers_title():
    text = ("\"Tahun ini kami targetkan 500 UMKM tenun masuk marketplace,\" kata Maria Goreti Lobo, Kepala Dinas Koperasi "
            "Kota Kupang, Rabu (5/3/2025).")
    cs = claims(text)
    assert cs[500]["speaker_title"] == "Kepala Dinas Koperasi Kota Kupang"


def test_an_opinion_writer_named_on_a_line_of_his_own_and_described_in_a_closing_note():
    text = ("Menakar Koperasi Digital di Flores\n"
            "Yohanes Sanda\n\n"
            "Data Dinas Koperasi NTT mencatat 2.100 koperasi sudah memakai aplikasi akuntansi.\n\n"
            "Pendampingan yang kami lakukan di 60 koperasi menunjukkan hanya 25 persen yang memakainya setiap bulan.\n\n"
            "*) Penulis adalah dosen ekonomi Universitas Nusa Cendana")
    cs = claims(text)
    assert cs[25]["speaker"] == "Yohanes Sanda"
    assert cs[25]["speaker_title"].startswith("dosen ekonomi")
    assert cs[2100]["speaker"] is None


def test_a_feature_story_is_about_the_person_introduced_with_her_age_before_she_speaks():
    text = ("Ende (Flores Pos) - Di teras rumahnya, tangan Maria Imakulata (52) cekatan menenun.\n\n"
            "Sebelum pandemi, usaha tenunnya bisa menjual 60 lembar kain UMKM sebulan. \"Sekarang lewat lokapasar,\" "
            "tuturnya.")
    cs = claims(text)
    assert cs[60]["speaker"] == "Maria Imakulata"


# --- name resolution (R9): invented paragraphs, one per kind of error seen on unseen text -------------------------

def test_a_one_word_name_after_a_said_verb_is_the_full_name_written_before():
    from extract.claims.people import Ctx, bare_name_after

    text = ("Pesanan rotan dari Plered terus datang. Salah satunya Tukiyem Sastro, pemilik bengkel anyaman, sudah tiga "
            "tahun berjualan daring. Judul: Rotan Plered Tembus Pasar Eropa\n"
            "\"Sekarang sudah 45 UMKM di desa kami yang berjualan daring,\" tutur Tukiyem saat ditemui.")
    pos = text.index("tutur") + len("tutur")
    assert bare_name_after(text, pos, Ctx(text=text, day=None)).name == "Tukiyem Sastro"
    # a place or an institution word after the verb is no name
    assert bare_name_after(" kata Jakarta.", 5, Ctx(text="", day=None)) is None


def test_a_headline_does_not_lengthen_a_name():
    from extract.claims.people import full_name_written

    text = "Rini Apresiasi Pedagang Daring\nKepala dinas, Rini Anggraeni, mengatakan ..."
    assert full_name_written("Rini", text) == "Rini Anggraeni"
    assert full_name_written("Rini", "Rini Apresiasi Pedagang Daring\nIa mengatakan ...") is None


def test_a_place_that_ends_an_office_title_is_no_part_of_the_name():
    from extract.claims.people import Ctx, _rule_name_before

    for sentence, name in (
            ("Kepala Dinas Perdagangan Kota Pekalongan Bambang Harsono menuturkan", "Bambang Harsono"),
            ("Kepala Kantor Perwakilan Bank Indonesia Pekalongan Arif Budi Santosa menuturkan", "Arif Budi Santosa")):
        ctx = Ctx(text="Pasar di Kota Pekalongan ramai. " + sentence, day=None)
        assert _rule_name_before(sentence, sentence.index("menuturkan"), ctx).name == name


def test_an_adverb_between_a_titled_name_and_its_verb_keeps_the_subject():
    text = ("Penyaluran kredit digital bagi UMKM terus tumbuh.\n\n"
            "Direktur Eksekutif Asosiasi Fintech Daerah Margaretha Simanjuntak sebelumnya menyebut 12 ribu "
            "UMKM sudah memakai pinjaman modal lewat aplikasi.")
    cs = claims(text)
    assert cs[12_000]["speaker"] == "Margaretha Simanjuntak"


def test_a_title_before_a_first_name_resolves_to_the_person_named_in_full():
    text = ("Wakil Menteri Perdagangan Joko Santoso Purba mengatakan ekspor produk UMKM terus naik.\n\n"
            "\"Kami ingin 500 eksportir kecil baru tahun depan,\" kata Wamen Joko.")
    cs = claims(text)
    assert cs[500]["speaker"] == "Joko Santoso Purba"


def test_the_articles_full_name_wins_over_a_gazetteer_person_with_the_same_first_name():
    # the gazetteer lists a minister called Rachmat; this Rachmat is the company head named in full before
    text = ("Aplikasi kasir untuk UMKM makin diminati.\n\n"
            "Direktur Utama PT Kasir Nusantara Rachmat Sudarsono mengatakan perusahaan memperluas layanan ke luar Jawa."
            "\n\n\"Sekarang sudah 82 ribu UMKM yang memakai aplikasi kami,\" kata Rachmat dalam jumpa pers.")
    assert claims(text)[82_000]["speaker"] == "Rachmat Sudarsono"


# --- a new person introduced in narration after an official spoke: the narration about him or her is his or hers --

OFFICIAL_FIRST = ("Kepala Dinas Perdagangan Kota Surakarta Teguh Prasetyo mengatakan 2.400 pedagang pasar sudah "
                  "memakai QRIS. \"Kami terus jemput bola,\" ujarnya.\n\n")


def test_a_one_word_name_with_a_role_in_commas_takes_over_the_narration():
    text = OFFICIAL_FIRST + ("Sukinah, pedagang jamu gendong di Pasar Gede, mengaku awalnya takut salah pencet. "
                             "Sekarang 40 persen pembelinya membayar dengan QRIS. \"Tidak perlu cari kembalian,\" "
                             "katanya.")
    cs = claims(text)
    assert cs[2400]["speaker"] == "Teguh Prasetyo"
    assert cs[40]["speaker"] == "Sukinah"


def test_a_role_that_ends_with_a_province_still_sets_off_the_name():
    text = OFFICIAL_FIRST + ("Yohana Loban Tefa, penenun ikat di Kupang, Nusa Tenggara Timur, mengaku pesanan naik. "
                             "Omzet bulanannya naik dari Rp 6 juta menjadi Rp 14 juta.")
    cs = claims(text)
    assert cs[14_000_000]["speaker"] == "Yohana Loban Tefa"


def test_a_person_introduced_as_an_example_is_who_ia_refers_to():
    text = OFFICIAL_FIRST + ("Salah satunya Darmini Kusuma, pemilik katering rumahan di Laweyan. Sejak memakai "
                             "aplikasi pesan-antar, ia mengaku omzetnya naik menjadi Rp 25 juta per bulan.")
    cs = claims(text)
    assert cs[25_000_000]["speaker"] == "Darmini Kusuma"


def test_menurut_a_description_then_the_name_is_cataphora():
    text = OFFICIAL_FIRST + ("Namun angka itu belum menggambarkan pemakaian. Menurut peneliti tersebut, baru 35 persen "
                             "pedagang yang memakai QRIS setiap hari. \"Sisanya hanya memajang stiker,\" kata Lestiani "
                             "Wardhana, peneliti Lembaga Kajian Pasar Rakyat.")
    cs = claims(text)
    assert cs[35]["speaker"] == "Lestiani Wardhana"


def test_a_connective_before_a_named_subject_does_not_hide_the_subject():
    text = ("Direktur Utama PT Gudang Tani Arman Siregar mengatakan 8.000 UMKM pangan sudah memakai aplikasinya.\n\n"
            "Komisaris perusahaan, Benny Latuheru, menyebut investor masuk karena pertumbuhan yang stabil. "
            "\"Kami lihat 12 ribu UMKM mitranya sudah untung,\" katanya.\n\n"
            "Meski begitu, Arman yakin perusahaannya tetap unggul. \"Kami kirim 70 persen pesanan di hari yang sama,\" "
            "tuturnya.")
    cs = claims(text)
    assert cs[12_000]["speaker"] == "Benny Latuheru"
    assert cs[70]["speaker"] == "Arman Siregar"


# --- data sources cited inside a speaker's account (FORMAT.md conventions 2026-12-03) -----------------------------

SPEAKER_THEN_SOURCE = ("Kepala Dinas Koperasi Jawa Timur Hadi Purnomo mengatakan 5.200 UMKM binaan sudah berjualan di "
                       "lokapasar.\n\n")


def test_a_new_named_data_source_ends_the_speakers_account():
    text = SPEAKER_THEN_SOURCE + ("Data lembaga riset Pasarindo menunjukkan 48 persen UMKM di provinsi itu belum punya "
                                  "rekening digital. Di kota besar, angkanya 31 persen.\n\n"
                                  "Laporan yang sama mencatat 2,6 juta UMKM Jawa Timur sudah menerima QRIS.")
    cs = claims(text)
    assert cs[5200]["speaker"] == "Hadi Purnomo"
    for value in (48, 31, 2_600_000):
        assert cs[value]["speaker"] is None
        assert cs[value]["organization"] == "Pasarindo"


def test_the_speakers_own_survey_stays_in_the_account():
    text = SPEAKER_THEN_SOURCE + ("Survei yang kami lakukan terhadap 800 pedagang menemukan 30 persen sudah "
                                  "memakai QRIS.")
    assert claims(text)[30]["speaker"] == "Hadi Purnomo"


def test_a_source_named_by_the_short_form_of_the_speakers_institution_is_his_or_hers():
    text = ("Peneliti Lembaga Riset Ekonomi Nusantara (Lerena) Wulan Pratiwi menilai pembentukan koperasi desa terlalu "
            "cepat.\n\nMenurut catatan Lerena, baru 2.100 koperasi desa yang punya pembukuan digital.")
    assert claims(text)[2100]["speaker"] == "Wulan Pratiwi"


def test_a_source_of_several_institutions_is_named_whole():
    from extract.claims.attribution import _org_after

    text = "Laporan Google, Temasek dan Bain & Company memproyeksikan nilai ekonomi digital naik."
    assert _org_after(text, len("Laporan")).organization == "Google, Temasek dan Bain & Company"
    text = "Riset Bank Indonesia dan Otoritas Jasa Keuangan mencatat kenaikan."
    assert _org_after(text, len("Riset")).organization == "Bank Indonesia dan Otoritas Jasa Keuangan"


def test_narration_after_a_new_source_is_not_the_speakers_until_someone_speaks_again():
    text = SPEAKER_THEN_SOURCE + ("Menurut riset konsultan Arunika, 48 persen UMKM di provinsi itu belum punya "
                                  "rekening digital.\n\n"
                                  "Sepanjang 2023, transaksi QRIS pedagang kecil di Jawa Timur naik 40 persen.\n\n"
                                  "Hadi menambahkan, tahun depan dinas menargetkan 7.000 UMKM binaan berjualan daring.")
    cs = claims(text)
    assert cs[48]["speaker"] is None and cs[48]["organization"] == "Arunika"
    assert cs[40]["speaker"] is None
    assert cs[7000]["speaker"] == "Hadi Purnomo"

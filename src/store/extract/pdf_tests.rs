//! PDFs made by hand, byte by byte: words spaced by gaps alone, and broken or hostile files
//! (not a PDF, cut short, no text layer, a loop in the page tree, a form that draws itself,
//! a stream declaring a huge length, a stream that inflates without end, nesting thousands
//! deep), each refused with its reason, fast. And the fixtures, mutated at random, never
//! take down the program or run past the time limit.

use std::time::{Duration, Instant};

use proptest::prelude::*;

use super::limits::MAX_PDF_STREAM_BYTES;
use super::pdf::{PdfError, PdfLimits, extract_pdf, extract_pdf_with};

/// A PDF of these objects (numbered from 1; the first is the catalog), with a correct
/// cross-reference table.
fn build(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut s = format!("<< /Length {} {dict} >>\nstream\n", data.len()).into_bytes();
    s.extend_from_slice(data);
    s.extend_from_slice(b"\nendstream");
    s
}

/// A one-page PDF drawing `content` with Helvetica as /F1, and more objects from number 6.
fn page(content: &[u8], resources: &str, more: &[Vec<u8>]) -> Vec<u8> {
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> {resources} >> /Contents 5 0 R >>"
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
        stream("", content),
    ];
    objects.extend_from_slice(more);
    build(&objects)
}

/// A one-page PDF drawing `content` with Helvetica as /F1 and, as /F2, Helvetica whose
/// encoding names code 33 with a glyph name no Unicode is known for.
fn with_unmapped_font(content: &[u8]) -> Vec<u8> {
    build(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R /F2 6 0 R >> >> /Contents 5 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
        stream("", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /Differences [33 /qzmark] >> >>".to_vec(),
    ])
}

fn text_of(pdf: &[u8]) -> String {
    match extract_pdf(pdf) {
        Ok(e) => e.text,
        Err(e) => panic!("{e}"),
    }
}

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/pdf/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(path).unwrap()
}

#[test]
fn words_are_spaced_by_their_gaps_and_kerning_does_not_split_them() {
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td [(The) -280 (cou) 30 (ncil) -300 (voted.)] TJ ET",
        "",
        &[],
    );
    assert_eq!(text_of(&pdf), "The council voted.\n");
}

#[test]
fn a_word_hyphenated_before_a_capital_is_joined_as_the_document_writes_it() {
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (The engine TraceMonkey was fast, and Trace-) Tj 0 -14 Td (Monkey won the race.) Tj 0 -40 Td (A treaty between the two nations, the Franco-) Tj 0 -14 Td (German accord, was signed.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "The engine TraceMonkey was fast, and TraceMonkey won the race.\n\nA treaty between the two nations, the Franco-German accord, was signed.\n"
    );
}

#[test]
fn a_line_end_hyphen_mapped_to_a_soft_hyphen_is_decided_as_any_hyphen() {
    // The producer maps the hyphen at each line's end to U+00AD, a name's own as well.
    let pdf = page(b"BT /F1 10 Tf 72 700 Td (Mr. Calderon-Fuentes testified that he was hurt at his work.) Tj 0 -14 Td (The company did not bring a signed form. Ultimately, Calderon\xAD) Tj 0 -14 Td (Fuentes treated on his own, and the records and the infor\xAD) Tj 0 -14 Td (mation he gave at the hearing were never challenged.) Tj ET", "", &[]);
    assert_eq!(
        text_of(&pdf),
        "Mr. Calderon-Fuentes testified that he was hurt at his work. The company did not bring a signed form. Ultimately, Calderon-Fuentes treated on his own, and the records and the information he gave at the hearing were never challenged.\n"
    );
}

#[test]
fn ligatures_whose_unicode_map_keeps_their_last_letter_read_as_their_names_spell() {
    // The encoding names codes 28 and 29 `fi` and `T_h`; the font's ToUnicode map says they
    // are `i` and `h`, as some producers write it.
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Broken def /CMapType 2 def 1 begincodespacerange <00> <ff> endcodespacerange 3 beginbfrange <1c> <1c> <0069> <1d> <1d> <0068> <20> <7e> <0020> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end";
    let pdf = build(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [28 /fi /T_h] >> /ToUnicode 6 0 R >>".to_vec(),
        stream("", b"BT /F1 12 Tf 72 700 Td (\x1dis report gives the de\x1cnition of the \x1cnal count.) Tj ET"),
        stream("", cmap),
    ]);
    assert_eq!(
        text_of(&pdf),
        "This report gives the definition of the final count.\n"
    );
}

#[test]
fn a_glyph_left_out_of_its_map_reads_as_a_name_outside_the_glyph_list_stands_for() {
    // TeX's text companion font names code 126 `tildelow`, which pdfTeX's map leaves out
    // (the map gives the letters and the space only).
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Partial def /CMapType 2 def 1 begincodespacerange <00> <ff> endcodespacerange 1 beginbfrange <20> <7d> <0020> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end";
    let pdf = build(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /Differences [126 /tildelow] >> /ToUnicode 6 0 R >>".to_vec(),
        stream("", b"BT /F1 12 Tf 72 700 Td (It took ~100k queries in all.) Tj ET"),
        stream("", cmap),
    ]);
    let read = super::extract_pdf(&pdf).unwrap();
    assert_eq!(read.text, "It took ~100k queries in all.\n");
}

#[test]
fn an_exponent_raised_after_a_formula_letter_reads_as_superscript() {
    // Codes 0x80, 0x83 and 0x84 map to the mathematical italic 𝑎, 𝑛 and 𝐼, as TeX's math
    // fonts write them: `𝑎` with `𝑛` raised after it, and `𝐼` with a `+` raised after it.
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Math def /CMapType 2 def 1 begincodespacerange <00> <ff> endcodespacerange 1 beginbfrange <20> <7e> <0020> endbfrange 3 beginbfchar <80> <D835DC4E> <83> <D835DC5B> <84> <D835DC3C> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end";
    let pdf = build(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>".to_vec(),
        stream("", b"BT /F1 12 Tf 1 0 0 1 72 700 Tm (The sum grows as \\200) Tj /F1 8 Tf 5 Ts (\\203) Tj 0 Ts /F1 12 Tf ( for all inputs in \\204) Tj /F1 8 Tf 5 Ts (+) Tj 0 Ts /F1 12 Tf ( alike.) Tj ET"),
        stream("", cmap),
    ]);
    let text = text_of(&pdf);
    assert!(text.contains("as 𝑎ⁿ for"), "{text}");
    assert!(text.contains("in 𝐼⁺ alike"), "{text}");
}

#[test]
fn items_bulleted_with_a_private_use_mark_go_on_under_their_text() {
    // A word processor's bullet from a symbol font, mapped to the private use area (code
    // 0x80 reads U+F0A3), each item's text wrapped under itself.
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Bullets def /CMapType 2 def 1 begincodespacerange <00> <ff> endcodespacerange 1 beginbfrange <20> <7e> <0020> endbfrange 1 beginbfchar <80> <F0A3> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end";
    let pdf = build(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>".to_vec(),
        stream("", b"BT /F1 10 Tf 1 0 0 1 54 700 Tm (\\200) Tj 1 0 0 1 72 700 Tm (Installation of a fridge to keep the blood bank at the operating room of the) Tj \
            1 0 0 1 72 687 Tm (General Hospital of Bulape.) Tj \
            1 0 0 1 54 674 Tm (\\200) Tj 1 0 0 1 72 674 Tm (Receipt of 4 000 doses of vaccine from Mweka.) Tj ET"),
        stream("", cmap),
    ]);
    let text = text_of(&pdf);
    assert!(
        text.contains("operating room of the General Hospital of Bulape.\n\n\u{F0A3}"),
        "{text}"
    );
}

#[test]
fn ligatures_whose_unicode_map_keeps_their_first_letter_read_as_their_names_spell() {
    // The encoding names codes 174 and 175 `fi` and `fl`; the font's ToUnicode map says
    // both are `f`, as a court's preliminary prints have it.
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Broken def /CMapType 2 def 1 begincodespacerange <00> <ff> endcodespacerange 3 beginbfrange <ae> <ae> <0066> <af> <af> <0066> <20> <7e> <0020> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end";
    let pdf = build(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [174 /fi /fl] >> /ToUnicode 6 0 R >>".to_vec(),
        stream("", b"BT /F1 12 Tf 72 700 Td (The motion was not \xaeled in time; the judgment was \xaenal and the court af\xaermed it in con\xafict with none.) Tj ET"),
        stream("", cmap),
    ]);
    assert_eq!(
        text_of(&pdf),
        "The motion was not filed in time; the judgment was final and the court affirmed it in conflict with none.\n"
    );
}

#[test]
fn a_section_number_set_apart_from_its_title_is_no_table_cell() {
    // As a working paper sets them: each title a little more than an em after its number.
    let pdf = page(b"BT /F1 14 Tf 1 0 0 1 75 450 Tm (3.2) Tj 1 0 0 1 111.7 450 Tm (Measuring Financial Losses) Tj ET BT /F1 12 Tf 1 0 0 1 75 423 Tm (3.2.1) Tj 1 0 0 1 116 423 Tm (Reported Losses) Tj ET BT /F1 12 Tf 75 396 Td (We measure the losses due to the crisis by asking the households.) Tj ET", "", &[]);
    assert_eq!(
        text_of(&pdf),
        "3.2 Measuring Financial Losses\n\n3.2.1 Reported Losses\n\nWe measure the losses due to the crisis by asking the households.\n"
    );
}

#[test]
fn an_archive_identifier_broken_at_its_hyphen_keeps_it() {
    let pdf = page(b"BT /F1 10 Tf 72 700 Td ([1] A. Smith, Astrophys. J. 600, 1 \\(2004\\), astro-ph/0508079.) Tj 0 -12 Td ([2] B. Jones and C. Wu, Phys. Rev. D 70, 2 \\(2005\\), astro-) Tj 0 -12 Td (ph/0303455; D. Lee, Class. Quant. Grav. 23, 3 \\(2006\\).) Tj ET", "", &[]);
    let text = text_of(&pdf);
    assert!(text.contains("astro-ph/0303455"), "{text}");
}

#[test]
fn a_compound_split_at_its_hyphen_keeps_it_though_another_spelling_differs_in_case() {
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (Tools for eDiscovery review help, and e-discovery is) Tj 0 -14 Td (costly, which is why the e-) Tj 0 -14 Td (discovery market grew.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "Tools for eDiscovery review help, and e-discovery is costly, which is why the e-discovery market grew.\n"
    );
}

#[test]
fn a_compound_of_three_parts_split_at_a_hyphen_keeps_it() {
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (The shares were compared on a like-for-) Tj 0 -14 Td (like basis, as for ineffective-assistance-) Tj 0 -14 Td (of-counsel claims.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "The shares were compared on a like-for-like basis, as for ineffective-assistance-of-counsel claims.\n"
    );
}

#[test]
fn a_compound_written_only_once_keeps_its_hyphen_by_its_form() {
    // Each written only here, broken at its hyphen: a number word, `self`, an ending that
    // makes compounds. An ordinary word broken into syllables is still joined.
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (The court applied the usual three-) Tj 0 -14 Td (part test to the self-) Tj 0 -14 Td (reported figures and the data-) Tj 0 -14 Td (driven model, with some infor-) Tj 0 -14 Td (mation withheld.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "The court applied the usual three-part test to the self-reported figures and the data-driven model, with some information withheld.\n"
    );
}

#[test]
fn two_words_the_document_writes_alone_broken_at_a_hyphen_keep_it() {
    // `second` and `story` are words of their own here, never written as one; `under` makes
    // closed words (`understanding`), and `ality` is a word's ending.
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (The second floor of the house, the story above, was a second-) Tj 0 -14 Td (story addition, built without the under-) Tj 0 -14 Td (standing of the board or a test of its Constitution-) Tj 0 -14 Td (ality under the code.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "The second floor of the house, the story above, was a second-story addition, built without the understanding of the board or a test of its Constitutionality under the code.\n"
    );
}

#[test]
fn a_capital_letter_naming_a_company_at_a_line_start_does_not_start_a_paragraph() {
    // Ragged right: "K LLC" is tied with a no-break space, so the line before stops short.
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (The petitioners concede the disallowance as to all of the losses but) Tj 0 -14 Td (contend that the guarantee lets them deduct losses related to) Tj 0 -14 Td (K LLC for the year and that it increased their basis in the company.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "The petitioners concede the disallowance as to all of the losses but contend that the guarantee lets them deduct losses related to K LLC for the year and that it increased their basis in the company.\n"
    );
}

#[test]
fn a_mark_without_text_drawn_under_a_headings_first_letter_is_left_out() {
    // F2 names its glyph with a name no Unicode is known for: the mark reads U+FFFD.
    let content = b"BT /F2 12 Tf 72 700 Td (!) Tj ET BT /F1 14 Tf 72 700 Td (I. HOW TO READ THIS REPORT) Tj ET BT /F1 10 Tf 72 670 Td (The report has five parts, one for each group.) Tj ET";
    let pdf = with_unmapped_font(content);
    assert_eq!(
        text_of(&pdf),
        "I. HOW TO READ THIS REPORT\n\nThe report has five parts, one for each group.\n"
    );
}

#[test]
fn chars_whose_font_gives_no_letters_are_counted_in_the_warning() {
    // A term of years drawn in a font whose encoding names glyphs no Unicode is known for.
    let content = b"BT /F1 10 Tf 72 700 Td (Child abuse, with death) Tj 150 0 Td (Felony) Tj ET BT /F2 10 Tf 300 700 Td (!) Tj ET";
    let pdf = with_unmapped_font(content);
    let extracted = extract_pdf(&pdf).unwrap();
    assert!(extracted.text.contains('\u{FFFD}'), "{}", extracted.text);
    assert_eq!(extracted.pages.unreadable, vec![(1, 1)]);
    let warning = extracted.pages.damage().unwrap();
    assert!(
        warning.starts_with("1 character on page 1 could not be read"),
        "{warning}"
    );
}

#[test]
fn a_ruling_whose_first_lines_are_set_a_little_smaller_is_not_a_paragraph_per_line() {
    // The opening in 11.5 points double-spaced under a counsel block set close, the rest in
    // 12 points set a little closer: one paragraph, like the rest.
    let pdf = page(b"BT /F1 11.5 Tf 72 770 Td (ARGUED: Stanley Myers, Powell, Ohio, for Appellant. Joshua) Tj ET \
BT /F1 11.5 Tf 72 756.7 Td (Bachrach, WILSON ELSER, Philadelphia, Pennsylvania, for) Tj ET \
BT /F1 11.5 Tf 72 743.4 Td (Appellee. ON BRIEF: Stanley Myers, Powell, Ohio, for) Tj ET \
BT /F1 11.5 Tf 72 730.1 Td (Appellant. Joshua Bachrach, Philadelphia, for Appellee.) Tj ET \
BT /F1 11.5 Tf 72 716.8 Td (Counsel for the appellant argued the case and filed a brief on) Tj ET \
BT /F1 11.5 Tf 72 703.5 Td (the merits, and counsel for the appellee argued in reply to it) Tj ET \
BT /F1 11.5 Tf 72 690.2 Td (at the hearing held before the panel in the courthouse in the) Tj ET \
BT /F1 11.5 Tf 72 676.9 Td (city, with both sides given the same time to state their case.) Tj ET \
BT /F1 11.5 Tf 72 633.6 Td (SILER, Circuit Judge. Pursuant to the Employee Retirement Act) Tj ET \
BT /F1 11.5 Tf 72 613.6 Td (of 1974, Maribea Balmert appeals the judgment of the district) Tj ET \
BT /F1 11.5 Tf 72 593.6 Td (court upholding the benefits decision of the insurer, and we) Tj ET \
BT /F1 11.5 Tf 72 573.6 Td (affirm the judgment of the district court in all respects.) Tj ET \
BT /F1 12 Tf 72 543.6 Td (Balmert began her employment with a retailer as an analyst in) Tj ET \
BT /F1 12 Tf 72 526.6 Td (2001. Her position required her to sit most of the day and use) Tj ET \
BT /F1 12 Tf 72 509.6 Td (her hands and wrists at a computer. As an employee she joined) Tj ET \
BT /F1 12 Tf 72 492.6 Td (a benefit plan offering long-term disability insurance under a) Tj ET \
BT /F1 12 Tf 72 475.6 Td (contract insured and administered by the insurer. In August) Tj ET \
BT /F1 12 Tf 72 458.6 Td (2004 she stopped working because of symptoms she believed were) Tj ET \
BT /F1 12 Tf 72 441.6 Td (related to her arthritis, and she was seen by her doctor, who) Tj ET \
BT /F1 12 Tf 72 424.6 Td (found the results of the examination inconclusive at the time.) Tj ET \
BT /F1 12 Tf 72 407.6 Td (According to the doctor, she described pain in her hands, but) Tj ET \
BT /F1 12 Tf 72 390.6 Td (the pain was out of proportion to what the doctor could see.) Tj ET \
BT /F1 12 Tf 72 373.6 Td (and she asked for benefits under the plan, which the insurer) Tj ET \
BT /F1 12 Tf 72 356.6 Td (denied after a review of her records by its own physicians, who) Tj ET \
BT /F1 12 Tf 72 339.6 Td (found that she could still do the work of her own occupation. She) Tj ET \
BT /F1 12 Tf 72 322.6 Td (appealed the denial, and the insurer upheld it after a second) Tj ET \
BT /F1 12 Tf 72 305.6 Td (review, so she brought this action in the district court, which) Tj ET \
BT /F1 12 Tf 72 288.6 Td (found for the insurer on the record that was before it then.) Tj ET \
BT /F1 12 Tf 72 271.6 Td (She appeals that judgment to this court, and we affirm it now.) Tj ET \
BT /F1 12 Tf 72 254.6 Td (The standard of review is set out in the plan and in our cases.) Tj ET \
BT /F1 12 Tf 72 237.6 Td (We review the decision of the district court de novo here.) Tj ET \
BT /F1 12 Tf 72 220.6 Td (The insurer had discretion under the plan to decide claims.) Tj ET", "", &[]);
    let text = text_of(&pdf);
    assert!(
        text.contains("Retirement Act of 1974, Maribea Balmert appeals the judgment of the district court upholding"),
        "{text}"
    );
}

#[test]
fn a_double_spaced_filing_is_not_a_paragraph_per_line() {
    let mut content = String::from("BT /F1 12 Tf 72 720 Td ");
    let words = [
        "The court has considered the motion and the",
        "record, and finds that the petitioner was",
        "given notice of the hearing as the rules",
        "require, so that the order must stand and",
        "the appeal is dismissed for the reasons that",
        "follow in this opinion of the court on",
        "the second day of the term in the year",
        "after the filing of the first notice",
        "of appeal and the brief of the respondent",
        "which was received within the time",
        "allowed by the rules of this court.",
    ];
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            content.push_str("0 -26 Td ");
        }
        content.push_str(&format!("({w}) Tj "));
    }
    content.push_str("0 -60 Td (A new paragraph after a wider gap.) Tj ET");
    let text = text_of(&page(content.as_bytes(), "", &[]));
    assert_eq!(text.matches("\n\n").count(), 1, "{text}");
    assert!(
        text.starts_with("The court has considered the motion and the record,"),
        "{text}"
    );
}

#[test]
fn a_raised_footnote_number_before_a_word_is_apart_from_it() {
    let pdf = page(
        b"BT /F1 7 Tf 72 704 Td (1) Tj ET BT /F1 12 Tf 76 700 Td (Three cases were filed.) Tj ET BT /F1 12 Tf 72 650 Td (Water is H) Tj ET BT /F1 7 Tf 128.7 647 Td (2) Tj ET BT /F1 12 Tf 132.6 650 Td (O here.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(text.starts_with("1 Three cases were filed."), "{text}");
}

#[test]
fn lines_far_apart_are_paragraphs_and_close_ones_are_joined() {
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (First line of a) Tj 0 -14 Td (paragraph.) Tj 0 -40 Td (Another one.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "First line of a paragraph.\n\nAnother one.\n"
    );
}

#[test]
fn list_items_are_paragraphs_and_their_hanging_lines_belong_to_them() {
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (Features:) Tj 0 -14 Td (\x95 One feature that is long enough to wrap onto) Tj 12 -14 Td (a second line.) Tj -12 -14 Td (\x95 Another.) Tj 0 -14 Td (1. A numbered one.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "Features:\n\n\u{2022} One feature that is long enough to wrap onto a second line.\n\n\u{2022} Another.\n\n1. A numbered one.\n"
    );
}

#[test]
fn a_dash_after_a_full_line_goes_on_with_the_sentence() {
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (Step three of the test remains: did this set of policies) Tj 0 -14 Td (\x97 or, alternatively, the lack of policies to expedite) Tj 0 -14 Td (the process \x97 amount to indifference? We find it does.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "Step three of the test remains: did this set of policies \u{2014} or, alternatively, the lack of policies to expedite the process \u{2014} amount to indifference? We find it does.\n"
    );
}

#[test]
fn a_hanging_indent_is_one_paragraph_and_a_first_line_indent_starts_one() {
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (12. See J. Smith, The Long Title of a Book That Goes) Tj 12 -14 Td (On and On, City Press, 2001, at 256; and see) Tj 0 -14 Td (the second book by the same author, at 12.) Tj -12 -14 Td (Text after the notes runs the full width of the page) Tj 24 -14 Td (A new paragraph starts with an indent here and) Tj -24 -14 Td (goes on at the left edge.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "12. See J. Smith, The Long Title of a Book That Goes On and On, City Press, 2001, at 256; and see the second book by the same author, at 12.\n\nText after the notes runs the full width of the page\n\nA new paragraph starts with an indent here and goes on at the left edge.\n"
    );
}

#[test]
fn a_bullet_set_apart_from_its_text_and_a_numbered_hanging_indent_are_one_paragraph() {
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (\x95) Tj 28 0 Td (A first item whose text is long enough to wrap) Tj 0 -14 Td (onto a second line under its text.) Tj -28 -28 Td (2\\) Accelerate transfer of technology to product by) Tj 14 -14 Td (providing an architecture and its frameworks.) Tj -14 -28 Td (\\(h\\) Manual Revisions) Tj 8 -14 Td (Before further flight, revise the manual so) Tj -8 -14 Td (that it includes the new text.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "\u{2022} A first item whose text is long enough to wrap onto a second line under its text.\n\n2) Accelerate transfer of technology to product by providing an architecture and its frameworks.\n\n(h) Manual Revisions\n\nBefore further flight, revise the manual so that it includes the new text.\n"
    );
}

#[test]
fn text_set_wider_than_its_notes_is_not_a_paragraph_per_line() {
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (the first line of a report set with wide spacing) Tj 0 -19 Td (between its lines, which a reader takes for one) Tj 0 -19 Td (paragraph and not for ten of them, as the lines) Tj 0 -19 Td (follow each other at the same distance all the) Tj 0 -19 Td (way down the page and only the last one ends) Tj 0 -19 Td (in a full stop, though each line is set a half) Tj 0 -19 Td (line apart from the one above it, wider than) Tj 0 -19 Td (most documents set their text and wider than) Tj 0 -19 Td (the notes under it, which are set close to) Tj 0 -19 Td (each other at the foot of the page.) Tj /F1 9 Tf 0 -60 Td (1 A note set in small type under the text, with) Tj 0 -10.8 Td (lines close to each other as notes are set, so) Tj 0 -10.8 Td (that the spacing of the document as a whole is) Tj 0 -10.8 Td (the spacing of its notes and not of its text, and) Tj 0 -10.8 Td (a reader would still see one paragraph above it,) Tj 0 -10.8 Td (not one paragraph for each line of the text set) Tj 0 -10.8 Td (wide, which is what this test is here to check) Tj 0 -10.8 Td (line by line, down to the last line of the note.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.starts_with("the first line of a report set with wide spacing between its lines, which a reader takes for one paragraph"),
        "{text}"
    );
    assert!(
        text.contains("set close to each other at the foot of the page.\n\n1 A note"),
        "{text}"
    );
}

#[test]
fn entries_of_a_table_of_contents_are_one_per_line() {
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (1 Introduction . . . . . . . . . . . . . . . . 3) Tj 0 -14 Td (2 Methods of the study . . . . . . . . . . . 7) Tj 0 -14 Td (3 Results . . . . . . . . . . . . . . . . . . . . 12) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert_eq!(text.matches("\n\n").count(), 2, "{text}");
    assert!(text.starts_with("1 Introduction . ."), "{text}");
}

#[test]
fn a_code_listing_at_the_top_of_a_page_comes_after_the_sentence_it_interrupts() {
    let pdf = pages(&[
        b"BT /F1 12 Tf 72 700 Td (A first paragraph that is here to set the width of the) Tj 0 -14 Td (text, and a sentence that goes on over the page to) Tj ET",
        b"BT /F1 9 Tf 90 720 Td (def digest\\(path\\):) Tj 0 -11 Td (with open\\(path\\) as f:) Tj 0 -11 Td (return sha256\\(f.read\\(\\)\\)) Tj /F1 10 Tf -18 -30 Td (Listing 1: Hashing a file.) Tj /F1 12 Tf 0 -30 Td (the next page, where it ends.) Tj ET",
    ]);
    let text = text_of(&pdf);
    assert!(
        text.starts_with("A first paragraph that is here to set the width of the text, and a sentence that goes on over the page to the next page, where it ends.\n\n"),
        "{text}"
    );
    assert!(
        text.trim_end().ends_with("Listing 1: Hashing a file."),
        "{text}"
    );
}

#[test]
fn a_listing_set_smaller_than_the_text_whose_lines_read_as_words_is_no_sentence_going_on() {
    // Its first line starts in a small letter with four words and more, and its longest
    // line reaches the page's right edge, as lines of prose do; its size says it is not.
    let pdf = pages(&[
        b"BT /F1 12 Tf 72 700 Td (A first paragraph that is here to set the width of the) Tj 0 -14 Td (text, and a sentence that goes on over the page to) Tj ET",
        b"BT /F1 9 Tf 90 720 Td (for each cluster pair \\(a, b\\) {) Tj 18 -11 Td (if the score of the pair is over the threshold and the words are alike {) Tj 18 -11 Td (link a and b) Tj -18 -11 Td (}) Tj -18 -11 Td (}) Tj /F1 10 Tf 0 -30 Td (Figure 6: Linking the clusters.) Tj /F1 12 Tf 0 -30 Td (the next page, where it ends.) Tj ET",
    ]);
    let text = text_of(&pdf);
    assert!(
        text.starts_with("A first paragraph that is here to set the width of the text, and a sentence that goes on over the page to the next page, where it ends.\n\n"),
        "{text}"
    );
    assert!(
        text.trim_end().ends_with("Figure 6: Linking the clusters."),
        "{text}"
    );
}

#[test]
fn a_figure_at_the_top_of_a_page_comes_after_the_sentence_it_interrupts() {
    let pdf = pages(&[
        b"BT /F1 12 Tf 72 700 Td (A first paragraph that is here to set the width of the) Tj 0 -14 Td (text, and a sentence that goes on over the page to) Tj ET",
        b"BT /F1 9 Tf 200 720 Td (Revenue) Tj 100 0 Td (Costs) Tj -100 -40 Td (Growth) Tj 100 0 Td (Margin) Tj /F1 10 Tf -228 -30 Td (Figure 1: Revenue and costs by year.) Tj /F1 12 Tf 0 -30 Td (the next page, where it ends.) Tj ET",
    ]);
    let text = text_of(&pdf);
    assert!(
        text.starts_with("A first paragraph that is here to set the width of the text, and a sentence that goes on over the page to the next page, where it ends.\n\n"),
        "{text}"
    );
    assert!(
        text.trim_end()
            .ends_with("Figure 1: Revenue and costs by year."),
        "{text}"
    );
    assert!(
        text.contains("Revenue") && text.contains("Margin"),
        "{text}"
    );
}

#[test]
fn a_table_at_the_top_of_a_page_whose_heading_is_a_line_of_names_waits_too() {
    // The heading row of names reaches across like a line of words, but is no prose.
    let pdf = pages(&[
        b"BT /F1 12 Tf 72 700 Td (A first paragraph that is here to set the width of the) Tj 0 -14 Td (text, and an analysis of how the output differs from) Tj ET",
        b"BT /F1 9 Tf 72 720 Td (NQ TriviaQA WQ TREC SQuAD NQ TriviaQA WQ TREC SQuAD Avg) Tj ET BT /F1 9 Tf 72 706 Td (BM25) Tj 100 0 Td (59.1) Tj 60 0 Td (66.9) Tj 60 0 Td (55.0) Tj ET BT /F1 9 Tf 72 694 Td (DPR) Tj 100 0 Td (78.4) Tj 60 0 Td (79.4) Tj 60 0 Td (73.2) Tj ET BT /F1 10 Tf 72 670 Td (Table 2: Top-20 accuracy on the test sets.) Tj /F1 12 Tf 0 -30 Td (other retrieval methods, and the effects of training.) Tj ET",
    ]);
    let text = text_of(&pdf);
    assert!(
        text.contains(
            "how the output differs from other retrieval methods, and the effects of training.\n\n"
        ),
        "{text}"
    );
}

#[test]
fn nested_items_set_with_an_o_are_items_of_their_own() {
    let pdf = page(
        b"BT /F1 11 Tf 72 700 Td (\x95) Tj 18 0 Td (Executed its strategy to deliver value for customers) Tj ET BT /F1 11 Tf 108 686 Td (o) Tj 10 0 Td (Grew digital sales 12%) Tj ET BT /F1 11 Tf 108 672 Td (o) Tj 10 0 Td (Increased total and loyal customer households) Tj ET BT /F1 11 Tf 72 658 Td (\x95) Tj 18 0 Td (Reached an agreement on a settlement framework) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "\u{2022} Executed its strategy to deliver value for customers\n\no Grew digital sales 12%\n\no Increased total and loyal customer households\n\n\u{2022} Reached an agreement on a settlement framework\n"
    );
}

#[test]
fn a_note_mark_raised_after_a_word_stays_on_its_line() {
    // Raised by nearly half a line, between two lines: not a line of its own (nor a page
    // number, lost).
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (According to the doctor, she described pain in her hands, but the pain) Tj ET BT /F1 12 Tf 72 686 Td (that she complains of is more than I see.) Tj /F1 7 Tf 6.5 Ts (1) Tj 0 Ts /F1 12 Tf ( Noting that her symptoms suggested) Tj ET BT /F1 12 Tf 72 672 Td (another cause, the doctor sent her to a colleague for more tests.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "According to the doctor, she described pain in her hands, but the pain that she complains of is more than I see.¹ Noting that her symptoms suggested another cause, the doctor sent her to a colleague for more tests.\n"
    );
}

#[test]
fn two_tables_side_by_side_are_read_one_after_the_other() {
    let pdf = page(b"BT /F1 10 Tf 72 700 Td (Age of the lawyers surveyed) Tj ET BT /F1 10 Tf 330 700 Td (Size of the firms they work in) Tj ET BT /F1 10 Tf 72 680 Td (30-34) Tj 108 0 Td (21%) Tj ET BT /F1 10 Tf 330 680 Td (Solo) Tj 120 0 Td (49%) Tj ET BT /F1 10 Tf 72 666 Td (35-39) Tj 108 0 Td (15%) Tj ET BT /F1 10 Tf 330 666 Td (2-5 lawyers) Tj 120 0 Td (22%) Tj ET BT /F1 10 Tf 72 652 Td (40-44) Tj 108 0 Td (9%) Tj ET BT /F1 10 Tf 330 652 Td (6-10 lawyers) Tj 120 0 Td (9%) Tj ET BT /F1 10 Tf 72 638 Td (45-54) Tj 108 0 Td (16%) Tj ET BT /F1 10 Tf 330 638 Td (11-20 lawyers) Tj 120 0 Td (7%) Tj ET", "", &[]);
    assert_eq!(
        text_of(&pdf),
        "Age of the lawyers surveyed\n\n30-34\t21%\n35-39\t15%\n40-44\t9%\n45-54\t16%\n\nSize of the firms they work in\n\nSolo\t49%\n2-5 lawyers\t22%\n6-10 lawyers\t9%\n11-20 lawyers\t7%\n"
    );
}

#[test]
fn a_chart_beside_a_table_stays_out_of_its_rows() {
    let pdf = page(b"BT /F1 10 Tf 72 720 Td (State) Tj 108 0 Td (Price) Tj 70 0 Td (Report) Tj ET BT /F1 10 Tf 72 706 Td (Iowa) Tj 108 0 Td (1.35) Tj 70 0 Td (Iowa Ethanol) Tj ET BT /F1 10 Tf 72 692 Td (Minnesota) Tj 108 0 Td (1.38) Tj 70 0 Td (Minnesota Ethanol) Tj ET BT /F1 10 Tf 72 678 Td (Nebraska) Tj 108 0 Td (1.40) Tj 70 0 Td (Nebraska Ethanol) Tj ET BT /F1 10 Tf 72 664 Td (Dakota) Tj 108 0 Td (1.48) Tj 70 0 Td (Dakota Ethanol) Tj ET BT /F1 10 Tf 72 650 Td (Wisconsin) Tj 108 0 Td (1.49) Tj 70 0 Td (Wisconsin Ethanol) Tj ET BT /F1 10 Tf 420 712 Td (2.60) Tj ET BT /F1 10 Tf 420 700 Td (2.40) Tj ET BT /F1 10 Tf 420 688 Td (2.20) Tj ET BT /F1 10 Tf 420 676 Td (2.00) Tj ET BT /F1 10 Tf 420 664 Td (1.80) Tj ET BT /F1 10 Tf 420 652 Td (1.60) Tj ET BT /F1 10 Tf 440 740 Td (Ethanol price by month) Tj ET BT /F1 10 Tf 450 630 Td (J) Tj 20 0 Td (F) Tj 20 0 Td (M) Tj 20 0 Td (A) Tj ET", "", &[]);
    let text = text_of(&pdf);
    assert!(
        text.contains("State\tPrice\tReport\nIowa\t1.35\tIowa Ethanol\nMinnesota\t1.38\tMinnesota Ethanol\nNebraska\t1.40\tNebraska Ethanol\nDakota\t1.48\tDakota Ethanol\nWisconsin\t1.49\tWisconsin Ethanol\n"),
        "{text}"
    );
    let table_end = text.find("Wisconsin Ethanol").unwrap();
    assert!(text.find("2.40").unwrap() > table_end, "{text}");
}

/// A table drawn as a grid: each row's cells (left edges `columns`, the last the table's
/// right edge) hold lines of 9-point text, top to bottom; a cell whose text is set lower
/// starts with `^` (a name set halfway down its row). Rules across part the rows and rules
/// down the columns. Returns the content stream.
fn ruled_table(top: f32, columns: &[f32], rows: &[Vec<Vec<&str>>]) -> Vec<u8> {
    table_with_rules(top, columns, rows, true)
}

/// [`ruled_table`] with rules down between the columns (`downs`) or rules across only.
fn table_with_rules(top: f32, columns: &[f32], rows: &[Vec<Vec<&str>>], downs: bool) -> Vec<u8> {
    let mut out = String::new();
    let (left, right) = (columns[0], columns[columns.len() - 1]);
    let mut y = top;
    let mut edges = vec![y];
    for row in rows {
        let lines = row.iter().map(Vec::len).max().unwrap_or(1);
        for (cell, texts) in row.iter().enumerate() {
            for (i, text) in texts.iter().enumerate() {
                let (text, lower) = match text.strip_prefix('^') {
                    Some(t) => (t, 5.0),
                    None => (*text, 0.0),
                };
                let baseline = y - 10.0 - 11.0 * i as f32 - lower;
                let x = columns[cell] + 3.0;
                out.push_str(&format!(
                    "BT /F1 9 Tf 1 0 0 1 {x} {baseline} Tm ({text}) Tj ET\n"
                ));
            }
        }
        y -= 11.0 * lines as f32 + 4.0;
        edges.push(y);
    }
    for e in &edges {
        out.push_str(&format!("{left} {e} m {right} {e} l S\n"));
    }
    for c in columns.iter().filter(|_| downs) {
        out.push_str(&format!(
            "{c} {top} m {c} {y} l S\n",
            y = edges[edges.len() - 1]
        ));
    }
    out.into_bytes()
}

#[test]
fn a_grid_row_whose_cells_wrap_reads_as_one_row() {
    // The description wraps over three lines; the name is set halfway down its row; the
    // white between the names and the descriptions is no gutter between columns of prose.
    let rows = vec![
        vec![
            vec!["31"],
            vec!["^Robustness"],
            vec![
                "Capability of coping well with variations in",
                "its operating environment with minimal damage,",
                "alteration or loss of functionality.",
            ],
        ],
        vec![
            vec!["32"],
            vec!["^Scalability"],
            vec![
                "Ability to either handle growing amounts of",
                "work in a graceful manner or to be readily",
                "enlarged when the load grows.",
            ],
        ],
        vec![
            vec!["33"],
            vec!["Security"],
            vec![
                "The degree of protection against danger, loss,",
                "and criminals who would harm the system.",
            ],
        ],
        vec![
            vec!["34"],
            vec!["^Compatibility"],
            vec![
                "A system that runs on one of the models can",
                "also be run on all other models of the family",
                "without any change to its programs.",
            ],
        ],
    ];
    let mut content =
        b"BT /F1 10 Tf 72 730 Td (The bins are named and described in the table below.) Tj ET\n"
            .to_vec();
    content.extend(ruled_table(715.0, &[72.0, 100.0, 190.0, 420.0], &rows));
    let text = text_of(&page(&content, "", &[]));
    assert_eq!(
        text,
        "The bins are named and described in the table below.\n\n\
31\tRobustness\tCapability of coping well with variations in its operating environment with minimal damage, alteration or loss of functionality.\n\
32\tScalability\tAbility to either handle growing amounts of work in a graceful manner or to be readily enlarged when the load grows.\n\
33\tSecurity\tThe degree of protection against danger, loss, and criminals who would harm the system.\n\
34\tCompatibility\tA system that runs on one of the models can also be run on all other models of the family without any change to its programs.\n"
    );
}

#[test]
fn a_grid_row_whose_cells_wrap_over_four_lines_is_still_one_row() {
    // Four lines fill two cells or more each, no three the same cells: one row.
    let rows = vec![
        vec![
            vec!["No."],
            vec!["Disease"],
            vec!["Status"],
            vec!["Comments"],
        ],
        vec![
            vec!["4."],
            vec!["Acute", "Diarrheal", "Disease", "outbreak"],
            vec!["Under", "Control"],
            vec![
                "Cases reported from the village",
                "of Junapani in the district of",
                "Betul, where the team had",
                "investigated the outbreak.",
            ],
        ],
    ];
    let content = ruled_table(715.0, &[72.0, 110.0, 200.0, 270.0, 430.0], &rows);
    assert_eq!(
        text_of(&page(&content, "", &[])),
        "No.\tDisease\tStatus\tComments\n4.\tAcute Diarrheal Disease outbreak\tUnder Control\tCases reported from the village of Junapani in the district of Betul, where the team had investigated the outbreak.\n"
    );
}

/// A page of Courier lines, each `(x, baseline, size, width, text)`, set justified to
/// `width` (word spacing stretched) unless `width` is 0.
fn courier_lines(lines: &[(f32, f32, f32, f32, String)]) -> Vec<u8> {
    let mut content = String::new();
    for (x, y, size, width, text) in lines {
        let spaces = text.matches(' ').count().max(1) as f32;
        let natural = 0.6 * size * text.chars().count() as f32;
        let tw = if *width > 0.0 {
            (width - natural) / spaces
        } else {
            0.0
        };
        content.push_str(&format!(
            "BT /F1 {size} Tf {tw} Tw 1 0 0 1 {x} {y} Tm ({text}) Tj ET\n"
        ));
    }
    courier_page(&content)
}

/// Lines of `text` wrapped at `chars`, set from `top` down `pitch` apart in `size` points at
/// `x`, justified to `width` but the last.
fn paragraph_lines(
    text: &str,
    chars: usize,
    (x, top, pitch, size, width): (f32, f32, f32, f32, f32),
) -> Vec<(f32, f32, f32, f32, String)> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in text.split(' ') {
        let last = lines.last_mut().unwrap();
        if !last.is_empty() && last.len() + 1 + word.len() > chars {
            lines.push(word.to_owned());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    let n = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let w = if i + 1 < n { width } else { 0.0 };
            (x, top - pitch * i as f32, size, w, t)
        })
        .collect()
}

/// How a paragraph is set: x, the gap over it, pitch, size and width.
type Setting = (f32, f32, f32, f32, f32);

/// Paragraphs one under another, each `(text, chars a line, setting)`, the first at the top
/// of the page: a PDF of their [`paragraph_lines`].
fn stacked(paragraphs: &[(&str, usize, Setting)]) -> Vec<u8> {
    let mut lines: Vec<(f32, f32, f32, f32, String)> = Vec::new();
    for &(text, chars, (x, gap, pitch, size, width)) in paragraphs {
        let top = lines.last().map_or(740.0, |l| l.1 - gap);
        lines.extend(paragraph_lines(text, chars, (x, top, pitch, size, width)));
    }
    courier_lines(&lines)
}

#[test]
fn a_ruling_double_spaced_beside_its_quotes_single_spaced_reads_in_its_paragraphs() {
    // The ruling in 12 points, 28 apart; its quote in 11.4, 12.8 apart, indented, after a
    // line ending `:-` set 28 over it; the next paragraph 32 under the quote.
    let first = "9. The section as first enacted has been renumbered as its first sub-section by the amending act of that year, with effect from the twenty-third of October, and after the enactment of the amendment the provision on interim measures reads:-";
    let quote = "17. Interim measures ordered by the tribunal. A party may, during the proceedings, apply to the tribunal for the appointment of a guardian for a minor or a person of unsound mind for the purposes of the proceedings, or for an interim measure of protection in respect of any of the following matters.";
    let second = "10. A reading of the section as a whole makes it amply clear that even after the amendment the Court is not denuded of its power to grant interim relief once a tribunal is constituted, and the Court has to examine whether the remedy available to the applicant under the section is efficacious in the case before it.";
    let pdf = stacked(&[
        (first, 60, (72.0, 0.0, 28.0, 12.0, 432.0)),
        (quote, 55, (100.0, 28.0, 12.8, 11.4, 376.0)),
        (second, 60, (72.0, 32.0, 28.0, 12.0, 432.0)),
    ]);
    assert_eq!(text_of(&pdf), format!("{first}\n\n{quote}\n\n{second}\n"));
}

#[test]
fn a_quote_set_wider_apart_than_the_others_of_its_size_reads_as_one_paragraph() {
    // Two quotes in 11 points 12.5 apart, then one 19 apart; the ruling between in 12.
    let single = "The Court is required to examine if the applicant has an efficacious remedy under the section of getting immediate interim relief from the tribunal.";
    let wide = "A harmonious reading of the first sub-section with the third of the Act, as amended by the amending act, makes it amply clear that even after the amendment the Court is not denuded of power to grant interim relief.";
    let set = (100.0, 20.0, 12.5, 11.0, 363.0);
    let pdf = stacked(&[
        (single, 55, set),
        (single, 55, set),
        (single, 55, set),
        (wide, 55, (100.0, 24.0, 19.0, 11.0, 363.0)),
    ]);
    assert_eq!(
        text_of(&pdf),
        format!("{single}\n\n{single}\n\n{single}\n\n{wide}\n")
    );
}

#[test]
fn a_grid_row_whose_cells_all_wrap_over_three_lines_is_one_row_and_rows_of_names_stay_rows() {
    // Every cell of the second row wraps at its edge over three lines, so that three lines
    // fill the same cells: words wrapped, one row. The third band's names leave room after
    // them: rows of their own.
    let wrapped = vec![
        vec![vec!["Source"], vec!["Holds"], vec!["Drawbacks"]],
        vec![
            vec!["Government data", "portal of the", "ministries"],
            vec!["More than 1,100", "open datasets", "from ministries"],
            vec!["Formats differ", "between offices;", "some are stale"],
        ],
    ];
    let content = ruled_table(715.0, &[72.0, 150.0, 228.0, 306.0], &wrapped);
    assert_eq!(
        text_of(&page(&content, "", &[])),
        "Source\tHolds\tDrawbacks\n\
Government data portal of the ministries\tMore than 1,100 open datasets from ministries\tFormats differ between offices; some are stale\n"
    );
    let names = vec![
        vec![vec!["State"], vec!["Capital"]],
        vec![
            vec!["Colima", "Chiapas", "Durango"],
            vec!["Colima", "Tuxtla", "Victoria"],
        ],
    ];
    let content = ruled_table(715.0, &[72.0, 222.0, 372.0], &names);
    assert_eq!(
        text_of(&page(&content, "", &[])),
        "State\tCapital\nColima\tColima\nChiapas\tTuxtla\nDurango\tVictoria\n"
    );
}

#[test]
fn a_grids_column_empty_in_all_its_rows_on_a_page_keeps_its_place() {
    // The top of a table's next page: no headings, and its third column empty in each row.
    let rows = vec![
        vec![
            vec!["Nevo"],
            vec!["Court rulings"],
            vec![],
            vec!["Official"],
        ],
        vec![
            vec!["Monitor"],
            vec!["Civic centre"],
            vec![],
            vec!["Graphic"],
        ],
    ];
    let content = ruled_table(715.0, &[72.0, 150.0, 250.0, 350.0, 450.0], &rows);
    assert_eq!(
        text_of(&page(&content, "", &[])),
        "Nevo\tCourt rulings\t\tOfficial\nMonitor\tCivic centre\t\tGraphic\n"
    );
}

#[test]
fn a_grids_headings_of_months_and_years_wrapped_in_narrow_cells_are_one_row() {
    // Years one under another in a column are no rows of values when the words wrap.
    let rows = vec![
        vec![vec!["Group"], vec!["Index"], vec![], vec![], vec!["Change"]],
        vec![
            vec![],
            vec!["May", "2022"],
            vec!["May", "2023"],
            vec!["May", "2023", "vs.", "May", "2021"],
            vec!["May", "2023", "vs.", "May", "2022"],
        ],
        vec![
            vec!["All items"],
            vec!["103,1"],
            vec!["109,4"],
            vec!["109,6"],
            vec!["6,3"],
        ],
    ];
    let content = ruled_table(715.0, &[72.0, 200.0, 235.0, 270.0, 305.0, 340.0], &rows);
    let text = text_of(&page(&content, "", &[]));
    assert!(
        text.contains(
            "\tMay 2022\tMay 2023\tMay 2023 vs. May 2021\tMay 2023 vs. May 2022\nAll items\t103,1"
        ),
        "{text}"
    );
}

#[test]
fn a_table_ruled_only_across_reads_each_row_whose_cells_wrap_as_one() {
    // Rules between the rows, none between the columns: an offense's group and name set
    // under each other in one cell, a statute wrapped under its code.
    let rows = vec![
        vec![vec!["No."], vec!["Offense"], vec!["Source"], vec!["Type"]],
        vec![
            vec!["1"],
            vec![
                "Abuse and Other Offensive",
                "Conduct",
                "Child abuse, with death",
            ],
            vec!["CR, 3-", "601(b)(2)(ii)"],
            vec!["Felony"],
        ],
        vec![
            vec!["2"],
            vec![
                "Abuse and Other Offensive",
                "Conduct",
                "Child abuse, first degree",
            ],
            vec!["CR, 3-", "601(b)(2)(i)"],
            vec!["Felony"],
        ],
        vec![
            vec!["3"],
            vec!["Abuse and Other Offensive", "Conduct", "Child neglect"],
            vec!["CR, 3-602.1"],
            vec!["Misd."],
        ],
    ];
    let content = table_with_rules(715.0, &[72.0, 100.0, 260.0, 360.0, 430.0], &rows, false);
    assert_eq!(
        text_of(&page(&content, "", &[])),
        "No.\tOffense\tSource\tType\n\
1\tAbuse and Other Offensive Conduct Child abuse, with death\tCR, 3- 601(b)(2)(ii)\tFelony\n\
2\tAbuse and Other Offensive Conduct Child abuse, first degree\tCR, 3- 601(b)(2)(i)\tFelony\n\
3\tAbuse and Other Offensive Conduct Child neglect\tCR, 3-602.1\tMisd.\n"
    );
}

#[test]
fn a_table_ruled_across_under_a_caption_keeps_its_cells_and_its_heading_over_two_columns() {
    // The caption above the top rule and the note under the bottom rule run through the
    // white between the columns; a heading set over two columns (`Estimated by the model`
    // over `Total` and `Low`), its note's letter raised after a bracket; the last row's
    // last two values under an empty cell above.
    let cell = |x: f32, y: f32, t: &str| format!("BT /F1 9 Tf 1 0 0 1 {x} {y} Tm ({t}) Tj ET\n");
    let mut c = String::new();
    c.push_str(&cell(
        72.0,
        733.0,
        "Table 5 Published flow reductions from paired catchment studies compared with those",
    ));
    c.push_str(&cell(72.0, 722.0, "estimated by the model of this study"));
    for (y, row) in [
        (
            702.0,
            [
                "Catchment",
                "Year",
                "Total flow",
                "Low flow",
                "Estimated by the model",
                "",
            ],
        ),
        (
            692.0,
            ["", "", "reduction (%)", "reduction (%)", "", "Low (%)"],
        ),
        (676.0, ["Cathedral Peak 2", "21", "50", "48", "57", "54"]),
        (666.0, ["Stewarts Ck 5", "20", "69", "", "64", ""]),
        (656.0, ["Glendhu", "1988", "27", "20", "32", "35"]),
    ] {
        for (x, t) in [72.0, 160.0, 230.0, 310.0, 390.0, 450.0]
            .into_iter()
            .zip(row)
        {
            if !t.is_empty() {
                c.push_str(&cell(x, y, t));
            }
        }
    }
    c.push_str("BT /F1 9 Tf 1 0 0 1 390 692 Tm (Total \\(%\\)) Tj /F1 6 Tf 3 Ts (b) Tj ET\n");
    c.push_str(&cell(
        72.0,
        641.0,
        "a Rainfall refers to the rainfall in the year used for the comparison of the results.",
    ));
    for y in [713.5, 686.0, 650.0] {
        c.push_str(&format!("72 {y} m 500 {y} l S\n"));
    }
    let text = text_of(&page(c.as_bytes(), "", &[]));
    assert!(
        text.contains("Catchment\tYear\tTotal flow reduction (%)\tLow flow reduction (%)\tEstimated by the model Total (%)ᵇ\tLow (%)\n"),
        "{text}"
    );
    assert!(
        text.contains("\nCathedral Peak 2\t21\t50\t48\t57\t54\n"),
        "{text}"
    );
    assert!(text.contains("\nStewarts Ck 5\t20\t69\t\t64\n"), "{text}");
    assert!(text.contains("\nGlendhu\t1988\t27\t20\t32\t35\n"), "{text}");
}

#[test]
fn a_word_broken_at_a_cells_edge_is_read_whole_as_the_document_writes_it() {
    // A heading wrapped over three lines of its cell (`Pre-` / `treat-` / `ment`), a
    // compound the text writes with its hyphen (`pre-treatment`), and a word broken in a
    // row's cell (`affores-` / `tation`).
    let rows = vec![
        vec![
            vec!["Site"],
            vec!["Pre-", "treat-", "ment (years)"],
            vec!["Cover"],
        ],
        vec![vec!["Redhill"], vec!["9"], vec!["affores-", "tation"]],
        vec![vec!["Glendhu"], vec!["3"], vec!["pasture"]],
    ];
    let mut content = table_with_rules(715.0, &[72.0, 160.0, 260.0, 360.0], &rows, true);
    content.extend_from_slice(
        b"BT /F1 10 Tf 72 600 Td (The pre-treatment condition of each site is given in the table above.) Tj ET",
    );
    let text = text_of(&page(&content, "", &[]));
    assert!(
        text.contains("Site\tPre-treatment (years)\tCover\n"),
        "{text}"
    );
    assert!(text.contains("Redhill\t9\tafforestation\n"), "{text}");
}

#[test]
fn a_grids_row_whose_label_ends_close_to_its_value_keeps_its_cells() {
    // Courier, 6 points a letter at 10 points: the last row's label ends 4 points before
    // its value's column (less than a cell gap), the column rule between them.
    let label = "Helps us make effective decisions";
    let start = 300.0 - 6.0 * label.len() as f32 - 4.0;
    let mut content = String::new();
    for (k, (name, a, b)) in [
        ("Perceived benefit", "Districts", "Schools"),
        ("Gives a picture", "69%", "65%"),
        (label, "71%", "60%"),
    ]
    .iter()
    .enumerate()
    {
        let y = 700.0 - 20.0 * k as f32;
        let x = if k == 2 { start } else { 75.0 };
        content.push_str(&format!(
            "BT /F1 10 Tf 1 0 0 1 {x} {y} Tm ({name}) Tj 1 0 0 1 302 {y} Tm ({a}) Tj 1 0 0 1 382 {y} Tm ({b}) Tj ET\n"
        ));
    }
    for y in [715.0, 695.0, 675.0, 655.0] {
        content.push_str(&format!("72 {y} m 460 {y} l S\n"));
    }
    for x in [72.0, 300.0, 380.0, 460.0] {
        content.push_str(&format!("{x} 715 m {x} 655 l S\n"));
    }
    let pdf = courier_page(&content);
    let text = text_of(&pdf);
    assert!(text.contains(&format!("{label}\t71%\t60%\n")), "{text}");
}

#[test]
fn rows_between_a_grids_rules_stay_rows_and_its_headings_over_two_lines_are_one() {
    // Ruled under the headings and at the foot only: the rows of values between are rows
    // of their own; each heading set over two lines in its cell is one.
    let rows = vec![
        vec![vec!["State"], vec!["Cases", "2016"], vec!["Cases", "2015"]],
        vec![
            vec!["Colima", "Chiapas", "Durango", "Jalisco"],
            vec!["12", "7", "1,204", "33"],
            vec!["9", "15", "998", "41"],
        ],
    ];
    let content = ruled_table(715.0, &[72.0, 160.0, 240.0, 320.0], &rows);
    assert_eq!(
        text_of(&page(&content, "", &[])),
        "State\tCases 2016\tCases 2015\nColima\t12\t9\nChiapas\t7\t15\nDurango\t1,204\t998\nJalisco\t33\t41\n"
    );
}

#[test]
fn a_tables_title_with_its_number_set_apart_starts_a_paragraph_after_another_table() {
    let pdf = page(b"BT /F1 10 Tf 1 0 0 1 72 700 Tm (2020) Tj 1 0 0 1 150 700 Tm (14.1) Tj 1 0 0 1 220 700 Tm (14.4) Tj 1 0 0 1 290 700 Tm (11.7) Tj ET BT /F1 10 Tf 1 0 0 1 72 686 Tm (2021) Tj 1 0 0 1 150 686 Tm (14.1) Tj 1 0 0 1 220 686 Tm (14.4) Tj 1 0 0 1 290 686 Tm (11.7) Tj ET BT /F1 10 Tf 1 0 0 1 72 672 Tm (Table 18.) Tj 1 0 0 1 130 672 Tm (Actual and projected numbers for current expenditures) Tj ET BT /F1 10 Tf 1 0 0 1 72 650 Tm (Year) Tj 1 0 0 1 150 650 Tm (Total) Tj 1 0 0 1 220 650 Tm (Public) Tj 1 0 0 1 290 650 Tm (Private) Tj ET BT /F1 10 Tf 1 0 0 1 72 636 Tm (2019) Tj 1 0 0 1 150 636 Tm (52,688) Tj 1 0 0 1 220 636 Tm (654.5) Tj 1 0 0 1 290 636 Tm (12,423) Tj ET", "", &[]);
    let text = text_of(&pdf);
    assert!(text.contains("11.7\n\nTable 18."), "{text}");
}

#[test]
fn a_table_row_of_numbers_at_even_gaps_keeps_its_cells() {
    let pdf = page(b"BT /F1 10 Tf 1 0 0 1 72.00 700 Tm (Germany) Tj 1 0 0 1 137.12 700 Tm (27.5) Tj 1 0 0 1 180.58 700 Tm (81.9) Tj 1 0 0 1 224.04 700 Tm (41.3) Tj ET BT /F1 10 Tf 1 0 0 1 72.00 686 Tm (Portugal) Tj 1 0 0 1 133.24 686 Tm (19.7) Tj 1 0 0 1 176.70 686 Tm (29.9) Tj 1 0 0 1 220.16 686 Tm (13.4) Tj ET BT /F1 10 Tf 1 0 0 1 72.00 672 Tm (Sweden) Tj 1 0 0 1 132.13 672 Tm (23.8) Tj 1 0 0 1 175.59 672 Tm (18.8) Tj 1 0 0 1 219.05 672 Tm (52.8) Tj ET BT /F1 10 Tf 1 0 0 1 72.00 658 Tm (Austria) Tj 1 0 0 1 127.12 658 Tm (26.9) Tj 1 0 0 1 170.58 658 Tm (18.1) Tj 1 0 0 1 214.04 658 Tm (37.7) Tj ET", "", &[]);
    assert_eq!(
        text_of(&pdf),
        "Germany\t27.5\t81.9\t41.3\nPortugal\t19.7\t29.9\t13.4\nSweden\t23.8\t18.8\t52.8\nAustria\t26.9\t18.1\t37.7\n"
    );
}

#[test]
fn a_table_heading_over_two_lines_reads_as_one_row_with_each_heading_over_its_column() {
    // Headings set close ("Under 18" "18 years"), over two lines ("Under 18" / "years"), a
    // value set a space after its row's dot leaders, a row label over two lines.
    let pdf = page(b"BT /F1 8 Tf 1 0 0 1 72 710 Tm (Offense charged) Tj 1 0 0 1 214 710 Tm (Under 18) Tj 1 0 0 1 254 710 Tm (18 years) Tj ET \
BT /F1 8 Tf 1 0 0 1 184 700 Tm (Total) Tj 1 0 0 1 220 700 Tm (years) Tj 1 0 0 1 256 700 Tm (and over) Tj ET \
BT /F1 8 Tf 1 0 0 1 72 688 Tm (Total . . . . . . . . . . . . . . . . . .) Tj 1 0 0 1 172.07 688 Tm (11,062.6) Tj 1 0 0 1 214 688 Tm (1,540.0) Tj 1 0 0 1 254 688 Tm (9,522.6) Tj ET \
BT /F1 8 Tf 1 0 0 1 72 678 Tm (Violent crime . . . . . . . . . . .) Tj 1 0 0 1 180 678 Tm (467.9) Tj 1 0 0 1 214 678 Tm (6,069.1) Tj 1 0 0 1 254 678 Tm (398.8) Tj ET \
BT /F1 8 Tf 1 0 0 1 74 668 Tm (Murder and nonnegligent) Tj ET \
BT /F1 8 Tf 1 0 0 1 76 658 Tm (manslaughter . . . . . . . . . .) Tj 1 0 0 1 180 658 Tm (10.0) Tj 1 0 0 1 214 658 Tm (1,000.9) Tj 1 0 0 1 254 658 Tm (9.1) Tj ET \
BT /F1 8 Tf 1 0 0 1 72 648 Tm (Robbery . . . . . . . . . . . . . . .) Tj 1 0 0 1 180 648 Tm (102.1) Tj 1 0 0 1 214 648 Tm (2,025.5) Tj 1 0 0 1 254 648 Tm (76.6) Tj ET \
BT /F1 8 Tf 1 0 0 1 72 638 Tm (Burglary . . . . . . . . . . . . . . .) Tj 1 0 0 1 180 638 Tm (240.9) Tj 1 0 0 1 214 638 Tm (6,060.3) Tj 1 0 0 1 254 638 Tm (180.6) Tj ET \
BT /F1 8 Tf 1 0 0 1 72 628 Tm (Arson . . . . . . . . . . . . . . . . .) Tj 1 0 0 1 180 628 Tm (9.8) Tj 1 0 0 1 214 628 Tm (1,004.3) Tj 1 0 0 1 254 628 Tm (5.5) Tj ET \
BT /F1 8 Tf 1 0 0 1 72 618 Tm (Fraud . . . . . . . . . . . . . . . . .) Tj 1 0 0 1 180 618 Tm (173.7) Tj 1 0 0 1 214 618 Tm (5,005.1) Tj 1 0 0 1 254 618 Tm (168.5) Tj ET \
BT /F1 8 Tf 1 0 0 1 72 608 Tm (Gambling . . . . . . . . . . . . . .) Tj 1 0 0 1 180 608 Tm (8.2) Tj 1 0 0 1 214 608 Tm (1,001.4) Tj 1 0 0 1 254 608 Tm (6.8) Tj ET \
BT /F1 8 Tf 1 0 0 1 72 598 Tm (Vandalism . . . . . . . . . . . . .) Tj 1 0 0 1 180 598 Tm (217.4) Tj 1 0 0 1 214 598 Tm (7,072.7) Tj 1 0 0 1 254 598 Tm (144.7) Tj ET", "", &[]);
    assert_eq!(
        text_of(&pdf),
        "Offense charged\tTotal\tUnder 18 years\t18 years and over\nTotal . . . . . . . . . . . . . . . . . .\t11,062.6\t1,540.0\t9,522.6\nViolent crime . . . . . . . . . . .\t467.9\t6,069.1\t398.8\nMurder and nonnegligent manslaughter . . . . . . . . . .\t10.0\t1,000.9\t9.1\nRobbery . . . . . . . . . . . . . . .\t102.1\t2,025.5\t76.6\nBurglary . . . . . . . . . . . . . . .\t240.9\t6,060.3\t180.6\nArson . . . . . . . . . . . . . . . . .\t9.8\t1,004.3\t5.5\nFraud . . . . . . . . . . . . . . . . .\t173.7\t5,005.1\t168.5\nGambling . . . . . . . . . . . . . .\t8.2\t1,001.4\t6.8\nVandalism . . . . . . . . . . . . .\t217.4\t7,072.7\t144.7\n"
    );
}

#[test]
fn two_justified_lines_with_gaps_at_the_same_place_inside_a_paragraph_are_prose() {
    // Two spaces after a sentence, stretched, at the same place in two lines running on
    // from a full line above: not a table of two rows.
    let pdf = page(
        b"BT /F1 12 Tf 1 0 0 1 72 700 Tm (Federal courts are courts of limited jurisdiction, and their) Tj ET \
BT /F1 12 Tf 1 0 0 1 72 686 Tm (Cir. 2004\\).) Tj 1 0 0 1 144 686 Tm (Thus, jurisdictional boundaries must be) Tj ET \
BT /F1 12 Tf 1 0 0 1 72 672 Tm (observed.) Tj 1 0 0 1 144 672 Tm (See Sierra Club v. Marsh, 907 F.2d 210, 214) Tj ET \
BT /F1 12 Tf 1 0 0 1 72 658 Tm (and the parties cannot waive that rule by their conduct.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "Federal courts are courts of limited jurisdiction, and their Cir. 2004). Thus, jurisdictional boundaries must be observed. See Sierra Club v. Marsh, 907 F.2d 210, 214 and the parties cannot waive that rule by their conduct.\n"
    );
}

#[test]
fn text_a_clip_cuts_away_is_not_read_but_a_word_partly_seen_is_read_whole() {
    // A cell 100 points wide: its last word runs past the edge, the next is wholly cut away;
    // the line below is not clipped.
    let pdf = page(
        b"q 72 690 100 20 re W n BT /F1 10 Tf 72 700 Td (Paid on 29.01.2016) Tj 120 0 Td (hidden) Tj ET Q \
BT /F1 10 Tf 72 680 Td (The next line is seen.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "Paid on 29.01.2016\n\nThe next line is seen.\n"
    );
}

#[test]
fn a_footnote_going_on_at_the_foot_of_the_next_column_reads_as_one_note() {
    let pdf = page(
        b"BT /F1 10 Tf 72 700 Td (The extractor makes a single pass over its) Tj ET BT /F1 10 Tf 320 700 Td (For each noun phrase it finds, the chunker) Tj ET \
BT /F1 10 Tf 72 688 Td (corpus and tags each word in each sentence) Tj ET BT /F1 10 Tf 320 688 Td (also gives the probability that each word) Tj ET \
BT /F1 10 Tf 72 676 Td (with its most probable part of speech, and) Tj ET BT /F1 10 Tf 320 676 Td (is part of the entity, and these numbers) Tj ET \
BT /F1 10 Tf 72 664 Td (entities are found by a light chunker that) Tj ET BT /F1 10 Tf 320 664 Td (are used to discard tuples whose entities) Tj ET \
BT /F1 10 Tf 72 652 Td (runs over the tagged words of the sentence) Tj ET BT /F1 10 Tf 320 652 Td (were found with low levels of confidence,) Tj ET \
BT /F1 10 Tf 72 640 Td (and relations are found between the noun) Tj ET BT /F1 10 Tf 320 640 Td (so that only the tuples it trusts remain) Tj ET \
BT /F1 10 Tf 72 628 Td (phrases it finds in each of the sentences) Tj ET BT /F1 10 Tf 320 628 Td (in the index that answers the queries of) Tj ET \
BT /F1 10 Tf 72 616 Td (of the corpus, one sentence at a time.3) Tj ET BT /F1 10 Tf 320 616 Td (the users of the system at any time.4) Tj ET \
BT /F1 8 Tf 72 130 Td (3 The tagger uses maximum-entropy models, a light NLP tech-) Tj ET \
BT /F1 8 Tf 320 130 Td (niques that are robust to the corpus.) Tj ET \
BT /F1 8 Tf 320 120 Td (4 The index is built with Lucene.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.contains("\n\n3 The tagger uses maximum-entropy models, a light NLP techniques that are robust to the corpus.\n\n4 The index is built with Lucene.\n"),
        "{text}"
    );
    // The notes come after the text of both columns.
    assert!(
        text.find("any time.4").unwrap() < text.find("3 The tagger").unwrap(),
        "{text}"
    );
}

#[test]
fn the_next_columns_text_level_with_a_footnote_is_not_taken_for_notes() {
    // A note at the foot of the left column, its mark raised, level with the last lines of
    // the right column: the right column's text goes on from the left one's, the note after.
    let pdf = page(
        b"BT /F1 10 Tf 72 300 Td (The passage retriever is trained on each) Tj ET \
BT /F1 10 Tf 320 300 Td (tiple datasets, the smallest one benefits) Tj ET \
BT /F1 10 Tf 72 288 Td (dataset on its own, and it is better than) Tj ET \
BT /F1 10 Tf 320 288 Td (greatly from more training examples, while) Tj ET \
BT /F1 10 Tf 72 276 Td (the term-based baseline on all of them but) Tj ET \
BT /F1 10 Tf 320 276 Td (the largest two improve only modestly and) Tj ET \
BT /F1 10 Tf 72 264 Td (one. The gap is largest when only a few) Tj ET \
BT /F1 10 Tf 320 264 Td (one degrades slightly. Results improve when) Tj ET \
BT /F1 10 Tf 72 252 Td (passages are retrieved, and it narrows as) Tj ET \
BT /F1 10 Tf 320 252 Td (both retrievers are combined in either of) Tj ET \
BT /F1 10 Tf 72 240 Td (more passages are retrieved for each of) Tj ET \
BT /F1 10 Tf 320 240 Td (the two settings. We conjecture that the) Tj ET \
BT /F1 10 Tf 72 228 Td (the questions, until the two retrievers) Tj ET \
BT /F1 10 Tf 320 228 Td (lower performance on one dataset is due to) Tj ET \
BT /F1 10 Tf 72 216 Td (find nearly the same passages for all the) Tj ET \
BT /F1 10 Tf 320 216 Td (two reasons that we discuss in turn below.) Tj ET \
BT /F1 10 Tf 72 204 Td (questions of the five datasets we use. The) Tj ET \
BT /F1 10 Tf 320 204 Td (First, the questions were written after) Tj ET \
BT /F1 10 Tf 72 192 Td (numbers hold when training with mul-) Tj ET \
BT /F1 10 Tf 320 192 Td (seeing the passages, so that the words of) Tj ET \
BT /F1 10 Tf 320 180 Td (the questions and the passages overlap and) Tj ET \
BT /F1 10 Tf 320 168 Td (favour the baseline. Second, the data came) Tj ET \
BT /F1 10 Tf 320 156 Td (from a few hundred articles only.) Tj ET \
BT /F1 6 Tf 72 171 Td (8) Tj ET BT /F1 8 Tf 76 168 Td (Lucene implementation, with its usual settings.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.contains("training with multiple datasets, the smallest"),
        "{text}"
    );
    assert!(
        text.find("a few hundred articles only.").unwrap()
            < text.find("Lucene implementation").unwrap(),
        "{text}"
    );
}

#[test]
fn a_column_of_tables_and_a_paragraph_is_read_before_the_next_column() {
    // The left column holds a table and a paragraph under it; its text is read before the
    // right column's, not after it as if it were a figure beside it.
    let pdf = page(
        b"BT /F1 9 Tf 60 700 Td (default order) Tj 1 0 0 1 170 700 Tm (0.8924) Tj 1 0 0 1 220 700 Tm (0.7550) Tj ET \
BT /F1 9 Tf 60 687 Td (remove embedding) Tj 1 0 0 1 170 687 Tm (0.8842) Tj 1 0 0 1 220 687 Tm (0.7477) Tj ET \
BT /F1 9 Tf 60 674 Td (descending (Y,X)) Tj 1 0 0 1 170 674 Tm (0.8857) Tj 1 0 0 1 220 674 Tm (0.7486) Tj ET \
BT /F1 9 Tf 60 661 Td (descending (X,Y)) Tj 1 0 0 1 170 661 Tm (0.8561) Tj 1 0 0 1 220 661 Tm (0.7343) Tj ET \
BT /F1 9 Tf 60 648 Td (XY Cut) Tj 1 0 0 1 170 648 Tm (0.8903) Tj 1 0 0 1 220 648 Tm (0.7562) Tj ET \
BT /F1 9 Tf 60 635 Td (Aug XY Cut) Tj 1 0 0 1 170 635 Tm (0.9023) Tj 1 0 0 1 220 635 Tm (0.7600) Tj ET \
BT /F1 9 Tf 60 622 Td (Aug descending) Tj 1 0 0 1 170 622 Tm (0.8925) Tj 1 0 0 1 220 622 Tm (0.7543) Tj ET \
BT /F1 9 Tf 60 609 Td (shuffled) Tj 1 0 0 1 170 609 Tm (0.8702) Tj 1 0 0 1 220 609 Tm (0.7399) Tj ET \
BT /F1 9 Tf 60 592 Td (Table 4. Scores for different reading orders.) Tj ET \
BT /F1 10 Tf 60 566 Td (The representations of head and tail are) Tj ET \
BT /F1 10 Tf 60 553.5 Td (concatenated and fed into a classifier, and) Tj ET \
BT /F1 10 Tf 60 541 Td (the score is the metric for both of the two) Tj ET \
BT /F1 10 Tf 60 528.5 Td (tasks on every one of the seven languages.) Tj ET \
BT /F1 10 Tf 320 706 Td (Here we compare our method with methods) Tj ET \
BT /F1 10 Tf 320 693.5 Td (that use the text alone and with the model) Tj ET \
BT /F1 10 Tf 320 681 Td (that also uses the layout of the page. The) Tj ET \
BT /F1 10 Tf 320 668.5 Td (results show that our method gives better) Tj ET \
BT /F1 10 Tf 320 656 Td (results on both tasks in every language we) Tj ET \
BT /F1 10 Tf 320 643.5 Td (tried, with the largest gains on the forms) Tj ET \
BT /F1 10 Tf 320 631 Td (in Chinese, where the reading order of the) Tj ET \
BT /F1 10 Tf 320 618.5 Td (text blocks differs most from the order in) Tj ET \
BT /F1 10 Tf 320 606 Td (which the words are stored in the file, so) Tj ET \
BT /F1 10 Tf 320 593.5 Td (that a model that reads them in the stored) Tj ET \
BT /F1 10 Tf 320 581 Td (order misses the links between the labels) Tj ET \
BT /F1 10 Tf 320 568.5 Td (and their values. The gains are smaller on) Tj ET \
BT /F1 10 Tf 320 556 Td (the forms in English, whose blocks are set) Tj ET \
BT /F1 10 Tf 320 543.5 Td (in the order a reader takes them in.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.find("concatenated and fed").unwrap() < text.find("Here we compare").unwrap(),
        "{text}"
    );
}

#[test]
fn a_white_gap_across_both_columns_at_one_height_does_not_turn_the_reading() {
    // A title across the gutter; the left column's section break and the right column's
    // paragraph break stand level. The left column is read to its end, and its last
    // sentence goes on at the top of the right column.
    let pdf = page(
        b"BT /F1 12 Tf 190 740 Td (Distributed Notes on Vectors of Sentences) Tj ET \
BT /F1 10 Tf 56 700 Td (semantically similar words have similar vectors) Tj ET \
BT /F1 10 Tf 56 688 Td (and the models were extended to go beyond) Tj ET \
BT /F1 10 Tf 56 676 Td (the level of words to phrases and sentences,) Tj ET \
BT /F1 10 Tf 56 664 Td (for instance by a weighted average of all the) Tj ET \
BT /F1 10 Tf 56 652 Td (words in the document, or by combining the) Tj ET \
BT /F1 10 Tf 56 640 Td (vectors in the order given by a parse tree of) Tj ET \
BT /F1 10 Tf 56 628 Td (the sentence with operations on matrices. Both) Tj ET \
BT /F1 10 Tf 56 616 Td (approaches have weaknesses: the first loses) Tj ET \
BT /F1 10 Tf 56 604 Td (the word order as the bag of words does, and) Tj ET \
BT /F1 10 Tf 56 592 Td (the second works for sentences only.) Tj ET \
BT /F1 10 Tf 56 566 Td (2. Algorithms) Tj ET \
BT /F1 10 Tf 56 548 Td (We start by discussing previous methods for) Tj ET \
BT /F1 10 Tf 56 536 Td (learning word vectors, which are what inspired) Tj ET \
BT /F1 10 Tf 56 524 Td (the method of this paper. A well known way of) Tj ET \
BT /F1 10 Tf 56 512 Td (learning them predicts a word from the words) Tj ET \
BT /F1 10 Tf 56 500 Td (around it, and more formally, given a sequence) Tj ET \
BT /F1 10 Tf 56 488 Td (of training words, the objective of the model) Tj ET \
BT /F1 10 Tf 316 664 Td (is to maximize the average log probability of) Tj ET \
BT /F1 10 Tf 316 652 Td (each word given the words around it, which is) Tj ET \
BT /F1 10 Tf 316 640 Td (done by a classifier over the whole vocabulary) Tj ET \
BT /F1 10 Tf 316 628 Td (of the corpus, such as softmax over every word) Tj ET \
BT /F1 10 Tf 316 616 Td (that the corpus holds, with the parameters of) Tj ET \
BT /F1 10 Tf 316 604 Td (the classifier learned along with the vectors) Tj ET \
BT /F1 10 Tf 316 592 Td (of the words themselves, one for every word.) Tj ET \
BT /F1 10 Tf 316 566 Td (In practice a hierarchical softmax is used for) Tj ET \
BT /F1 10 Tf 316 554 Td (faster training, with short codes assigned to) Tj ET \
BT /F1 10 Tf 316 542 Td (frequent words so that common words are found) Tj ET \
BT /F1 10 Tf 316 530 Td (quickly. The vectors are trained by gradient) Tj ET \
BT /F1 10 Tf 316 518 Td (descent with the gradient obtained by back) Tj ET \
BT /F1 10 Tf 316 506 Td (propagation through the whole network, as in) Tj ET \
BT /F1 10 Tf 316 494 Td (earlier neural language models of text.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s}: {text}"));
    assert!(at("2. Algorithms") < at("is to maximize"), "{text}");
    assert!(
        text.contains("the objective of the model is to maximize the average"),
        "{text}"
    );
    assert!(at("one for every word.") < at("In practice"), "{text}");
}

#[test]
fn a_heading_in_capitals_at_the_top_of_the_next_column_starts_a_paragraph() {
    // The left column ends in an address, not a sentence's end.
    let pdf = page(
        b"BT /F1 10 Tf 56 700 Td (The survey asked every lawyer licensed in the) Tj ET \
BT /F1 10 Tf 56 688 Td (state where they practise and for how long, and) Tj ET \
BT /F1 10 Tf 56 676 Td (the answers were weighed by the size of each) Tj ET \
BT /F1 10 Tf 56 664 Td (county so that the small ones count as well.) Tj ET \
BT /F1 10 Tf 56 652 Td (Source: the research department of the bar at) Tj ET \
BT /F1 10 Tf 56 640 Td (www.example.org/research/statistics/tables.html) Tj ET \
BT /F1 10 Tf 316 700 Td (PRACTICE SETTING) Tj ET \
BT /F1 10 Tf 316 688 Td (Most lawyers work in private practice, and the) Tj ET \
BT /F1 10 Tf 316 676 Td (share has grown in each of the three surveys,) Tj ET \
BT /F1 10 Tf 316 664 Td (while the share in government has fallen a) Tj ET \
BT /F1 10 Tf 316 652 Td (little and the share in industry held steady.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.contains("tables.html\n\nPRACTICE SETTING\n\nMost lawyers"),
        "{text}"
    );
}

#[test]
fn a_section_read_across_both_columns_ends_before_the_next_section() {
    // The first section's left column stops inside a sentence that goes on at the top of
    // the right column; a heading under it starts the next section, in two columns too.
    let pdf = page(
        b"BT /F1 10 Tf 56 700 Td (The brief is an advocacy tool to raise awareness) Tj ET \
BT /F1 10 Tf 56 688 Td (of the impact of the violence on the people who) Tj ET \
BT /F1 10 Tf 56 676 Td (live in the region, and to urge all who hold a) Tj ET \
BT /F1 10 Tf 56 664 Td (stake in its future to act to end the violence) Tj ET \
BT /F1 10 Tf 56 652 Td (against all the villagers of the valley and of their) Tj ET \
BT /F1 10 Tf 316 700 Td (children; and to promote the rights of the people) Tj ET \
BT /F1 10 Tf 316 688 Td (of the valley, including their right to life and) Tj ET \
BT /F1 10 Tf 316 676 Td (to the security of the person in their homes.) Tj ET \
BT /F1 10 Tf 316 664 Td (The mission calls on all parties to comply with) Tj ET \
BT /F1 10 Tf 316 652 Td (the law at all times and to protect the people.) Tj ET \
BT /F1 12 Tf 80 620 Td (GENERAL TRENDS) Tj ET \
BT /F1 10 Tf 56 600 Td (During the third quarter the situation went on) Tj ET \
BT /F1 10 Tf 56 588 Td (to undermine the protection of the villagers in) Tj ET \
BT /F1 10 Tf 56 576 Td (every part of the valley, as in the quarter that) Tj ET \
BT /F1 10 Tf 56 564 Td (came before it, for several reasons named here.) Tj ET \
BT /F1 10 Tf 316 600 Td (As the chart shows, the number of people killed) Tj ET \
BT /F1 10 Tf 316 588 Td (and injured fell compared with the last quarter,) Tj ET \
BT /F1 10 Tf 316 576 Td (while the number of people taken from their homes) Tj ET \
BT /F1 10 Tf 316 564 Td (rose by a fifth over the same three months.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s}: {text}"));
    assert!(
        text.contains(
            "against all the villagers of the valley and of their children; and to promote"
        ),
        "{text}"
    );
    assert!(at("protect the people.") < at("GENERAL TRENDS"), "{text}");
    assert!(at("named here.") < at("As the chart shows"), "{text}");
}

#[test]
fn a_sentence_across_two_columns_ends_before_the_references_set_smaller_under_them() {
    // The left column stops inside a sentence that goes on at the top of the right one,
    // with a capital (`PARP1 activity`); the references under both columns are smaller.
    let pdf = page(
        b"BT /F1 10 Tf 56 700 Td (We propose a model in which the modification of) Tj ET \
BT /F1 10 Tf 56 688 Td (the enzyme mediates the response of the cell to) Tj ET \
BT /F1 10 Tf 56 676 Td (stress at the fork, and the model is drawn in the) Tj ET \
BT /F1 10 Tf 56 664 Td (last figure of this paper for the reader to see.) Tj ET \
BT /F1 10 Tf 56 652 Td (The stalled forks are protected. Simultaneously,) Tj ET \
BT /F1 10 Tf 56 640 Td (the chain is cut short, and as a result enhanced) Tj ET \
BT /F1 10 Tf 316 700 Td (PARP1 activity promotes the checkpoint, halting) Tj ET \
BT /F1 10 Tf 316 688 Td (the cycle of the cell to give it the time it needs) Tj ET \
BT /F1 10 Tf 316 676 Td (to process the stress, so the fork is not broken.) Tj ET \
BT /F1 10 Tf 316 664 Td (The protein has many functions in the cell, of) Tj ET \
BT /F1 10 Tf 316 652 Td (which the repair of damaged bases is the first.) Tj ET \
BT /F1 10 Tf 316 640 Td (It is also needed for the joining of fragments.) Tj ET \
BT /F1 7 Tf 56 600 Td (1. R. T. Abraham, Cell cycle checkpoint signaling through) Tj ET \
BT /F1 7 Tf 56 591 Td (the ATM and ATR kinases. Genes Dev. 15, 2177 \\(2001\\).) Tj ET \
BT /F1 7 Tf 56 582 Td (2. S. Ahmed et al., Natural products targeting the ATR) Tj ET \
BT /F1 7 Tf 56 573 Td (pathway in cancer. Biomed. Pharmacother. 155 \\(2022\\).) Tj ET \
BT /F1 7 Tf 316 600 Td (3. I. Magdalou, B. S. Lopez, The causes of replication) Tj ET \
BT /F1 7 Tf 316 591 Td (stress. Semin. Cell Dev. Biol. 30, 154\\22664 \\(2014\\).) Tj ET \
BT /F1 7 Tf 316 582 Td (4. D. Huang, W. L. Kraus, The expanding universe of) Tj ET \
BT /F1 7 Tf 316 573 Td (PARP1 mechanisms. Mol. Cell 82, 2315 \\(2022\\).) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.contains("as a result enhanced PARP1 activity promotes the checkpoint"),
        "{text}"
    );
}

#[test]
fn axis_labels_set_close_read_as_numbers_of_their_own() {
    // A chart's scale: each label drawn on its own, the next one just after it.
    let pdf = page(
        b"BT /F1 9 Tf 72 700 Td (Population by age and sex, 2022, as the chart below shows.) Tj ET \
BT /F1 9 Tf 72 600 Td (8 000 000) Tj ET BT /F1 9 Tf 112.9 600 Td (10 000 000) Tj ET \
BT /F1 9 Tf 158.9 600 Td (12 000 000) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(text.contains("8 000 000 10 000 000 12 000 000"), "{text}");
}

#[test]
fn a_running_head_whose_page_number_grows_a_digit_is_left_out() {
    // Odd pages: `Cite as … 7`, `… 9`, `… 11`; even pages another head.
    let heads = [
        ("Cite as: 598 U. S. (2023)", 7, "The debtor sold the house"),
        ("Opinion of the Court", 8, "The buyers sued the couple"),
        ("Cite as: 598 U. S. (2023)", 9, "The court of appeals held"),
        ("Opinion of the Court", 10, "The statute takes the debt"),
        ("Cite as: 598 U. S. (2023)", 11, "The argument earns credit"),
        ("Opinion of the Court", 12, "The judgment is affirmed"),
    ];
    let contents: Vec<Vec<u8>> = heads
        .iter()
        .map(|(head, number, words)| {
            format!(
                "BT /F1 9 Tf 250 670 Td ({head}) Tj 200 0 Td ({number}) Tj ET \
BT /F1 11 Tf 72 640 Td ({words} in a paragraph of its own, set in) Tj 0 -14 Td (the type of the rest of the opinion, ending here.) Tj ET"
            )
            .into_bytes()
        })
        .collect();
    let refs: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
    let text = text_of(&pages(&refs));
    assert!(!text.contains("Cite as"), "{text}");
    assert!(!text.contains("Opinion of the Court"), "{text}");
}

#[test]
fn a_justified_line_stretched_wide_keeps_spaces_and_a_table_row_keeps_tabs() {
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td [(fied) -1500 (in) -1500 (the) -1500 (report,) -1500 (page)] TJ 0 -60 Td [(North) -3000 (6.1%) -1500 (5.4%)] TJ ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "fied in the report, page\n\nNorth\t6.1%\t5.4%\n"
    );
}

/// A PDF of several pages, each drawing its content with Helvetica as /F1.
fn pages(contents: &[&[u8]]) -> Vec<u8> {
    pages_in(contents, "")
}

/// [`pages`] with Helvetica in WinAnsiEncoding (`°` is octal 260).
fn pages_win_ansi(contents: &[&[u8]]) -> Vec<u8> {
    pages_in(contents, "/Encoding /WinAnsiEncoding")
}

/// A PDF of these pages, each drawing its content with Helvetica as /F1 in this encoding
/// (none: StandardEncoding).
fn pages_in(contents: &[&[u8]], encoding: &str) -> Vec<u8> {
    let n = contents.len();
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes(),
        format!("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica {encoding} >>").into_bytes(),
    ];
    for (i, c) in contents.iter().enumerate() {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                5 + 2 * i
            )
            .into_bytes(),
        );
        objects.push(stream("", c));
    }
    build(&objects)
}

#[test]
fn a_note_repeated_under_each_figure_stays_though_near_the_foot() {
    // A report's note set under each page's figure, which ends higher or lower on each page;
    // under it, the footer that stands at the same place on every page.
    let contents: Vec<String> = [118, 52, 90, 64]
        .iter()
        .enumerate()
        .map(|(k, &note_y)| {
            let prose: String = (0..6)
                .map(|i| {
                    format!(
                        "1 0 0 1 72 {} Tm (Line {} of the update says how the cases moved this week.) Tj ",
                        700 - 14 * i,
                        10 * k + i
                    )
                })
                .collect();
            format!(
                "BT /F1 10 Tf {prose}1 0 0 1 72 {} Tm (Week reported) Tj /F1 8 Tf 1 0 0 1 72 {note_y} Tm (** See data, table and figure notes) Tj 1 0 0 1 260 30 Tm (Weekly update) Tj ET",
                note_y + 14
            )
        })
        .collect();
    let refs: Vec<&[u8]> = contents.iter().map(|c| c.as_bytes()).collect();
    let text = text_of(&pages(&refs));
    assert_eq!(
        text.matches("See data, table and figure notes").count(),
        4,
        "{text}"
    );
    assert!(!text.contains("Weekly update"), "{text}");
}

#[test]
fn a_running_head_on_every_other_page_is_left_out_over_a_row_of_marks_too() {
    // A paper's head of two lines on its odd pages; on the second of them a figure's row of marks
    // stands right under it, as a table would under its title.
    let prose = |from: usize| {
        (0..8)
            .map(|k| {
                format!(
                    "1 0 0 1 72 {} Tm (Line {} of the study says what was found in the runs.) Tj ",
                    640 - 14 * k,
                    from + k
                )
            })
            .collect::<String>()
    };
    let head = "1 0 0 1 72 752 Tm (The Closer You Look) Tj 1 0 0 1 72 740 Tm (A Study of Runs) Tj ";
    let marks = "1 0 0 1 90 665 Tm (\\(1\\)) Tj 1 0 0 1 250 665 Tm (\\(2\\)) Tj 1 0 0 1 410 665 Tm (\\(3\\)) Tj ";
    let page = |with_head: bool, with_marks: bool, from: usize| {
        format!(
            "BT /F1 10 Tf {}{}{}ET",
            if with_head { head } else { "" },
            if with_marks { marks } else { "" },
            prose(from)
        )
    };
    // (On four pages of nine: fewer than half, as a table's title over each of its pages.)
    let contents: Vec<String> = (0..9)
        .map(|k| page(k % 2 == 0 && k < 8, k == 2, 10 * k))
        .collect();
    let refs: Vec<&[u8]> = contents.iter().map(|c| c.as_bytes()).collect();
    let text = text_of(&pages(&refs));
    assert!(!text.contains("Closer"), "{text}");
    assert!(text.contains("(2)\t(3)\n\nLine 20"), "{text}");
}

#[test]
fn a_page_number_at_the_foot_level_with_a_columns_last_line_is_no_part_of_it() {
    // Two columns of a report run down into the foot band; the page number is set at the
    // page's middle, on the baseline of the right column's last line, in its own size.
    let left = [
        "The health zone of Bulape lies in the",
        "south of the province and borders the",
        "zones of Mushenge, Mweka and Kakenge",
        "and holds the outbreak's epicentre. It",
        "borders the province of Sankuru too.",
    ];
    let right = [
        "In the zone of Bulape the areas of",
        "Bulape and Dikolo are the hardest hit,",
        "with both many confirmed cases and",
        "deaths. These are the epicentres.",
    ];
    let mut content = String::from("BT /F1 10 Tf ");
    for (k, line) in left.iter().enumerate() {
        content.push_str(&format!(
            "1 0 0 1 40 {} Tm ({line}) Tj ",
            116 - 14 * k as i32
        ));
    }
    for (k, line) in right.iter().enumerate() {
        content.push_str(&format!(
            "1 0 0 1 330 {} Tm ({line}) Tj ",
            102 - 14 * k as i32
        ));
    }
    content.push_str("/F1 11 Tf 1 0 0 1 302.7 60 Tm (2) Tj ET");
    let text = text_of(&courier_page(&content));
    assert!(
        text.contains("many confirmed cases and deaths. These are the epicentres."),
        "{text}"
    );
    assert!(!text.contains(" 2 "), "{text}");
}

#[test]
fn a_page_number_in_the_gutter_does_not_hide_the_columns() {
    // A paper's page (set as one was): each column has white where a picture stands, at
    // other heights than the other's; the page number stands under the gutter, a little
    // under the text. The left column is read to its end first.
    let line = |column: &str, k: usize| {
        format!("{column} column line {k} says what the study found about the counts here")
    };
    // Baselines from the page's top, in points.
    let left: Vec<f32> = [80.0, 91.5, 103.0]
        .into_iter()
        .chain((0..12).map(|k| 311.0 + 11.5 * k as f32))
        .chain([460.0, 472.0, 495.0, 506.5])
        .chain([668.6, 680.2, 691.7])
        .collect();
    let right: Vec<f32> = (0..6)
        .map(|k| 80.0 + 11.5 * k as f32)
        .chain((0..7).map(|k| 186.7 + 11.5 * k as f32))
        .chain((0..4).map(|k| 290.0 + 11.5 * k as f32))
        .chain((0..8).map(|k| 537.0 + 11.5 * k as f32))
        .collect();
    let mut content = String::new();
    for (column, x, baselines) in [("Left", 62.0, &left), ("Right", 314.0, &right)] {
        for (k, b) in baselines.iter().enumerate() {
            content.push_str(&format!(
                "BT /F1 8 Tf {x} {} Td ({}) Tj ET\n",
                792.0 - b,
                line(column, k)
            ));
        }
    }
    content.push_str("BT /F1 8 Tf 117 148 Td (Figure 2 Steps of the model) Tj ET\n");
    content.push_str("BT /F1 8 Tf 367 280 Td (Figure 3 Steps of the engine) Tj ET\n");
    content.push_str("BT /F1 8 Tf 300 45 Td (143) Tj ET\n");
    let text = text_of(&page(content.as_bytes(), "", &[]));
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} in {text}"));
    let first_right = at("Right column line 0 ");
    for k in 0..left.len() {
        assert!(
            at(&format!("Left column line {k} ")) < first_right,
            "{text}"
        );
    }
}

#[test]
fn short_columns_of_prose_over_a_gap_across_the_page_go_on_in_the_columns_under_it() {
    // A white gap crosses both columns under their first few lines (the end of a list
    // item in one, a heading and two lines in the other): each column is still read to its
    // end before the next.
    let line =
        |column: &str, k: usize| format!("{column} column line {k} says what the study found");
    let left: Vec<f32> = [77.0, 88.9, 100.9, 112.9]
        .into_iter()
        .chain((0..20).map(|k| 135.8 + 12.0 * k as f32))
        .collect();
    let right: Vec<f32> = [95.6, 107.6]
        .into_iter()
        .chain((0..20).map(|k| 131.8 + 12.0 * k as f32))
        .collect();
    // The paper's title runs over both columns at the top of the page.
    let mut content = String::from(
        "BT /F1 9 Tf 189 738 Td (Distributed Representations of Sentences and Documents) Tj ET\n\
         BT /F1 10 Tf 307 715 Td (3.4. Some further observations) Tj ET\n",
    );
    for (column, x, baselines) in [("Left", 55.0, &left), ("Right", 307.0, &right)] {
        for (k, b) in baselines.iter().enumerate() {
            content.push_str(&format!(
                "BT /F1 9 Tf {x} {} Td ({}) Tj ET\n",
                792.0 - b,
                line(column, k)
            ));
        }
    }
    let text = text_of(&page(content.as_bytes(), "", &[]));
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} in {text}"));
    assert!(
        at("Left column line 23 ") < at("3.4. Some further"),
        "{text}"
    );
    assert!(
        at("Right column line 1 ") < at("Right column line 2 "),
        "{text}"
    );
}

#[test]
fn a_tables_caption_at_the_top_of_the_next_page_stays_above_its_table() {
    // The page before ends in a table's last row; this page's table is another, under its
    // caption: not rows of the first going on, with the caption read after them.
    let rows = |y0: i32, names: &[&str]| {
        let mut s = String::new();
        for (i, name) in names.iter().enumerate() {
            let y = y0 - 14 * i as i32;
            s.push_str(&format!(
                "BT /F1 10 Tf 1 0 0 1 72 {y} Tm ({name}) Tj 1 0 0 1 200 {y} Tm ({}) Tj 1 0 0 1 280 {y} Tm ({}) Tj 1 0 0 1 360 {y} Tm ({}) Tj ET\n",
                10 + i,
                20 + 3 * i,
                31 + 2 * i
            ));
        }
        s
    };
    let first = format!(
        "BT /F1 10 Tf 72 720 Td (Cases of the first group of diseases by state.) Tj ET\n{}",
        rows(690, &["Colima", "Chiapas", "Durango", "Total"])
    );
    let second = format!(
        "BT /F1 10 Tf 72 740 Td (Epidemiological week 7) Tj ET\nBT /F1 10 Tf 72 720 Td (Table 4.4 Cases of intestinal diseases by state) Tj ET\n{}",
        rows(690, &["Guerrero", "Hidalgo", "Jalisco", "Total"])
    );
    let text = text_of(&pages(&[first.as_bytes(), second.as_bytes()]));
    let caption = text.find("Table 4.4").unwrap();
    assert!(caption < text.find("Guerrero").unwrap(), "{text}");
    assert!(caption > text.find("Durango").unwrap(), "{text}");
}

#[test]
fn a_caption_named_in_capitals_at_a_pages_top_is_not_read_into_the_sentence_before() {
    let pdf = pages(&[
        b"BT /F1 10 Tf 72 700 Td (Householders in the two years were more likely to live in such housing) Tj 0 -12 Td (than others, as the second table shows \\(Table 2\\). Although the) Tj ET",
        b"BT /F1 10 Tf 72 720 Td (TABLE 1. Selected characteristics of householders in inadequate housing) Tj ET BT /F1 9 Tf 72 700 Td (Characteristic) Tj 200 0 Td (No.) Tj 60 0 Td (%) Tj ET BT /F1 9 Tf 72 688 Td (Total) Tj 200 0 Td (5,811) Tj 60 0 Td (5.2) Tj ET BT /F1 9 Tf 72 676 Td (Male) Tj 200 0 Td (2,911) Tj 60 0 Td (4.9) Tj ET",
    ]);
    let text = text_of(&pdf);
    assert!(!text.contains("Although the TABLE 1."), "{text}");
    assert!(
        text.contains("\n\nTABLE 1. Selected characteristics"),
        "{text}"
    );
}

#[test]
fn a_justified_line_stretched_after_a_sentence_at_a_pages_top_is_prose() {
    // Courier, 6 points a letter: its one wide gap follows a sentence's end and it reaches
    // the column's edge; the line under it is its paragraph's last.
    let first = b"BT /F1 10 Tf 72 700 Td (The Court appointed an amicus curiae to defend the) Tj 0 -14 Td (judgment of the) Tj ET";
    let second = b"BT /F1 10 Tf 1 0 0 1 72 700 Tm (Eighth Circuit. 605 U. S. 908 \\(2025\\).) Tj 1 0 0 1 306 700 Tm (He has ably served) Tj ET BT /F1 10 Tf 72 686 Td (the Court in this case.) Tj ET BT /F1 10 Tf 72 672 Td (When determining whether a law violates the Ex Post Facto) Tj 0 -14 Td (Clause, the Court must evaluate whether the law imposes a) Tj 0 -14 Td (punishment for the act.) Tj ET";
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>".to_vec(),
    ];
    for (k, content) in [&first[..], &second[..]].iter().enumerate() {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                5 + 2 * k
            )
            .into_bytes(),
        );
        objects.push(stream("", content));
    }
    let text = text_of(&build(&objects));
    assert!(
        text.contains("Eighth Circuit. 605 U. S. 908 (2025). He has ably served the Court"),
        "{text}"
    );
}

#[test]
fn a_pages_head_word_over_a_sentence_going_on_waits_for_its_end() {
    let pdf = pages(&[
        b"BT /F1 10 Tf 72 700 Td (The Court held that restitution is criminal punishment, so a court) Tj 0 -12 Td (imposing restitution for an offense committed before the law must follow the) Tj ET",
        b"BT /F1 10 Tf 280 740 Td (Syllabus) Tj ET BT /F1 10 Tf 72 716 Td (procedures applicable to other criminal penalties.) Tj ET BT /F1 10 Tf 80 700 Td (The precedents have understood restitution under the Act to be criminal.) Tj ET",
    ]);
    let text = text_of(&pdf);
    assert!(
        text.contains("must follow the procedures applicable to other criminal penalties."),
        "{text}"
    );
    assert!(text.contains("\n\nSyllabus\n\n"), "{text}");
}

#[test]
fn the_title_stays_although_a_running_header_repeats_it_in_small_type() {
    let pdf = pages(&[
        b"BT /F1 20 Tf 72 740 Td (Annual Report) Tj /F1 12 Tf 0 -60 Td (First page text.) Tj ET",
        b"BT /F1 9 Tf 72 760 Td (Annual Report) Tj /F1 12 Tf 0 -80 Td (Second page text.) Tj /F1 9 Tf 0 -640 Td (2) Tj ET",
        b"BT /F1 9 Tf 72 760 Td (Annual Report) Tj /F1 12 Tf 0 -80 Td (Third page text.) Tj /F1 9 Tf 0 -640 Td (3) Tj ET",
    ]);
    let text = text_of(&pdf);
    assert!(
        text.starts_with("Annual Report\n\nFirst page text.\n\n"),
        "{text}"
    );
    assert_eq!(text.matches("Annual Report").count(), 1, "{text}");
    assert!(!text.contains('2') && !text.contains('3'), "{text}");
}

#[test]
fn a_page_whose_content_cannot_be_read_is_named_and_a_file_of_only_such_pages_refused() {
    let good: &[u8] = b"BT /F1 12 Tf 72 700 Td (The first page reads well.) Tj ET";
    let garbage = stream(
        "/Filter /FlateDecode",
        b"\x01\x02 this is not deflate data \xff\xfe",
    );
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>".to_vec(),
        stream("", good),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 7 0 R >>".to_vec(),
        garbage.clone(),
    ];
    let extracted = extract_pdf(&build(&objects)).unwrap();
    assert_eq!(extracted.text, "The first page reads well.\n");
    assert_eq!(extracted.pages.damaged, vec![2]);

    let only_bad = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>".to_vec(),
        garbage,
    ];
    match extract_pdf(&build(&only_bad)) {
        Err(PdfError::Broken { why }) => assert!(why.contains("damaged"), "{why}"),
        other => panic!("{other:?}"),
    }
    // A page that refers to a content stream that is not in the file.
    let missing = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [4 0 R 5 0 R] /Count 2 >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 6 0 R >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 9 0 R >>".to_vec(),
        stream("", good),
    ];
    let extracted = extract_pdf(&build(&missing)).unwrap();
    assert_eq!(extracted.pages.damaged, vec![2]);
}

#[test]
fn a_footnote_going_on_over_the_page_is_one_note_without_its_continuation_marks() {
    let pdf = pages(&[
        b"BT /F1 12 Tf 72 700 Td (The first page says what it has to say in a few) Tj 0 -14 Td (lines of text, and then it ends with a note.1) Tj /F1 9 Tf 0 -520 Td (1 A note that starts at the foot of the first page and) Tj 0 -11 Td (\\(continued...\\)) Tj ET",
        b"BT /F1 12 Tf 72 700 Td (The second page has its own text, a sentence or) Tj 0 -14 Td (two that a reader reads before the note goes on.) Tj /F1 9 Tf 0 -520 Td (1\\(...continued\\)) Tj 0 -11 Td (goes on at the foot of the second page.) Tj ET",
    ]);
    let text = text_of(&pdf);
    assert!(
        text.contains("1 A note that starts at the foot of the first page and goes on at the foot of the second page."),
        "{text}"
    );
    assert!(!text.contains("continued"), "{text}");
    assert!(
        text.contains("The second page has its own text, a sentence or two that a reader reads before the note goes on."),
        "{text}"
    );
}

#[test]
fn a_footnote_going_on_at_the_next_foot_without_marks_is_one_note() {
    let pdf = pages(&[
        b"BT /F1 12 Tf 72 700 Td (The first page says what it has to say in a few) Tj 0 -14 Td (lines of text, and then it ends with a note.1) Tj /F1 9 Tf 0 -520 Td (1 A note that starts at the foot of the first page and) Tj ET",
        b"BT /F1 12 Tf 72 700 Td (The second page has its own text, a sentence or) Tj 0 -14 Td (two that a reader reads before the heading.) Tj 0 -40 Td (B. A Heading) Tj /F1 9 Tf 0 -480 Td (goes on at the foot of the second page.) Tj ET",
    ]);
    let text = text_of(&pdf);
    assert!(
        text.contains("1 A note that starts at the foot of the first page and goes on at the foot of the second page."),
        "{text}"
    );
}

#[test]
fn a_rule_drawn_with_dashes_is_not_text() {
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (Text above the rule.) Tj 0 -30 Td (\x97\x97\x97\x97\x97\x97) Tj 0 -30 Td (Text under it.) Tj ET",
        "",
        &[],
    );
    assert_eq!(text_of(&pdf), "Text above the rule.\n\nText under it.\n");
}

#[test]
fn a_name_drawn_again_at_its_place_after_the_whole_page_counts_once() {
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (Jeanette Baird) Tj 0 -14 Td (Line 1 of the letter, long enough to draw many glyphs.) Tj 0 -14 Td (Line 2 of the letter, long enough to draw many glyphs.) Tj 0 -14 Td (Line 3 of the letter, long enough to draw many glyphs.) Tj 0 -14 Td (Line 4 of the letter, long enough to draw many glyphs.) Tj 0 -14 Td (Line 5 of the letter, long enough to draw many glyphs.) Tj 0 -14 Td (Line 6 of the letter, long enough to draw many glyphs.) Tj 0 -14 Td (Line 7 of the letter, long enough to draw many glyphs.) Tj ET BT /F1 12 Tf 72 700 Td (Jeanette Baird) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert_eq!(text.matches("Jeanette Baird").count(), 1, "{text}");
    assert!(text.contains("Line 7 of the letter"), "{text}");
}

#[test]
fn a_bullet_with_no_unicode_text_before_words_is_a_bullet() {
    // A Type 3 font drawing a square under a glyph name that says nothing of its letter.
    let font = b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /g1 7 0 R >> /Encoding << /Type /Encoding /Differences [1 /g1] >> /FirstChar 1 /LastChar 1 /Widths [500] /Resources << >> >>".to_vec();
    let square = stream("", b"500 0 0 0 400 400 d1 100 100 300 300 re f");
    let pdf = page(
        b"BT /F2 12 Tf 72 700 Td <01> Tj /F1 12 Tf 20 0 Td (First item of the list,) Tj -20 -14 Td /F2 12 Tf <01> Tj /F1 12 Tf 20 0 Td (and the second.) Tj ET",
        "/Font << /F1 4 0 R /F2 6 0 R >>",
        &[font, square],
    );
    assert_eq!(
        text_of(&pdf),
        "\u{2022} First item of the list,\n\n\u{2022} and the second.\n"
    );
}

#[test]
fn a_running_header_and_page_number_are_left_out_when_the_number_grows_a_digit() {
    let contents: Vec<Vec<u8>> = (1..=10)
        .map(|n| {
            let x = if n < 10 { 200 } else { 197 };
            format!(
                "BT /F1 12 Tf {x} 770 Td (Case: 21-50498   Document: 0051   Page: {n}) Tj ET BT /F1 12 Tf 72 650 Td (Body text of page {n} of the ruling,) Tj 0 -14 Td (which says {} things) Tj 0 -14 Td (about {} other things) Tj 0 -14 Td (and ends on page {n}.) Tj ET BT /F1 10 Tf 300 40 Td (A-{n}) Tj ET",
                n * 3,
                n * 7
            )
            .into_bytes()
        })
        .collect();
    let refs: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
    let text = text_of(&pages(&refs));
    assert!(!text.contains("Case:"), "{text}");
    assert!(!text.contains("A-"), "{text}");
    assert!(
        text.contains("Body text of page 10 of the ruling, which says 30 things about 70 other things and ends on page 10."),
        "{text}"
    );
}

#[test]
fn invisible_text_is_left_out_beside_visible_text_and_kept_when_it_is_all_there_is() {
    let mixed = page(
        b"BT /F1 12 Tf 72 700 Td (The visible text of the page, as a reader sees it.) Tj 0 -14 Td (A second visible line of it.) Tj 3 Tr 0 -14 Td (HIDDEN LABEL) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&mixed),
        "The visible text of the page, as a reader sees it. A second visible line of it.\n"
    );
    // An OCR layer over a scan: invisible, and the page's only text.
    let ocr = page(
        b"BT 3 Tr /F1 12 Tf 72 700 Td (Text recognised on a scanned page.) Tj ET",
        "",
        &[],
    );
    assert_eq!(text_of(&ocr), "Text recognised on a scanned page.\n");
}

#[test]
fn white_space_a_font_maps_into_a_glyph_is_not_a_space() {
    // A decimal point whose ToUnicode text is " ." (space, full stop).
    let cmap = stream(
        "",
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Dot def 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <01> <0020002E> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end",
    );
    let font = b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /g1 7 0 R >> /Encoding << /Type /Encoding /Differences [1 /g1] >> /FirstChar 1 /LastChar 1 /Widths [278] /Resources << >> /ToUnicode 8 0 R >>".to_vec();
    let dot = stream("", b"278 0 0 0 200 200 d1 60 0 100 100 re f");
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (Total arrests: 11,062) Tj /F2 12 Tf <01> Tj /F1 12 Tf (6 thousand.) Tj ET",
        "/Font << /F1 4 0 R /F2 6 0 R >>",
        &[font, dot, cmap],
    );
    assert_eq!(text_of(&pdf), "Total arrests: 11,062.6 thousand.\n");
}

#[test]
fn a_figure_caption_at_the_top_of_a_column_comes_after_the_sentence_it_interrupts() {
    let pdf = pages(&[
        b"BT /F1 12 Tf 72 700 Td (A first paragraph that is here to set the width of the) Tj 0 -14 Td (text, and a sentence that goes on over the page to) Tj ET",
        b"BT /F1 10 Tf 72 720 Td (Figure 3: A picture with no words in it, above.) Tj /F1 12 Tf 0 -30 Td (the next page, where it ends.) Tj ET",
    ]);
    let text = text_of(&pdf);
    assert_eq!(
        text,
        "A first paragraph that is here to set the width of the text, and a sentence that goes on over the page to the next page, where it ends.\n\nFigure 3: A picture with no words in it, above.\n"
    );
}

#[test]
fn a_page_of_shapes_has_no_text_layer() {
    let pdf = page(b"0 0 m 300 300 l S 10 10 100 100 re f", "", &[]);
    let e = extract_pdf(&pdf).unwrap_err();
    assert!(matches!(e, PdfError::NoText { pages: 1 }), "{e}");
    assert!(e.to_string().contains("scanned"), "{e}");
}

#[test]
fn files_that_are_not_pdfs_or_are_cut_short_are_refused() {
    let e = extract_pdf(b"<html>not a pdf</html>").unwrap_err();
    assert!(e.to_string().contains("PDF header"), "{e}");
    let e = extract_pdf(b"").unwrap_err();
    assert!(e.to_string().contains("the file is empty (0 bytes)"), "{e}");
    let whole = fixture("one-column.pdf");
    for cut in [whole.len() / 2, whole.len() - 8, 20] {
        let e = extract_pdf(&whole[..cut]).unwrap_err();
        assert!(e.to_string().contains("cut short"), "{cut}: {e}");
    }
}

#[test]
fn a_web_page_appended_after_the_end_of_file_marker_is_no_part_of_the_pdf() {
    // A download saved with the server's page after the PDF, longer than the part of the
    // file's end first looked at.
    let mut file = fixture("one-column.pdf");
    let page = "<html><body><form><script>var progress = 'UpdateProgress1';</script></form></body></html>\n";
    file.extend_from_slice(page.repeat(60).as_bytes());
    let read = extract_pdf(&file).expect("read");
    let expected = String::from_utf8(fixture("one-column.expected.txt")).unwrap();
    assert_eq!(read.text, expected);
}

#[test]
fn a_file_cut_inside_an_update_is_refused_and_one_missing_its_last_marker_is_read() {
    // An update saved after the first marker: its objects, its table and its own marker.
    let whole = fixture("one-column.pdf");
    let mut updated = whole.clone();
    let update = b"7 0 obj\n<< /Producer (an editor) >>\nendobj\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 8 /Root 1 0 R >>\nstartxref\n";
    updated.extend_from_slice(update);
    // Cut inside the update: the first marker is there, the update's end is not.
    let cut = &updated[..whole.len() + 30];
    let e = extract_pdf(cut).unwrap_err();
    assert!(e.to_string().contains("cut short"), "{e}");
    // The update whole but for its marker (`%%E`): read.
    let mut nearly = updated.clone();
    nearly.extend_from_slice(format!("{}\n%%E", whole.len() + 50).as_bytes());
    assert!(extract_pdf(&nearly).is_ok());
}

#[test]
fn a_password_is_refused_and_restrictions_alone_are_not() {
    let e = extract_pdf(&fixture("encrypted-password.pdf")).unwrap_err();
    assert!(matches!(e, PdfError::Encrypted { password: true }), "{e}");
    let text = text_of(&fixture("encrypted-permissions.pdf"));
    assert!(text.starts_with("This paragraph is encrypted"), "{text}");
}

#[test]
fn a_loop_in_the_page_tree_is_refused_fast() {
    let pdf = build(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>".to_vec(),
        b"<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>".to_vec(),
    ]);
    let started = Instant::now();
    let e = extract_pdf(&pdf).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2), "{e}");
    assert!(
        matches!(e, PdfError::Broken { .. } | PdfError::NoText { .. }),
        "{e}"
    );
}

#[test]
fn a_pdf_whose_pages_cannot_be_reached_is_called_damaged_not_empty() {
    // The page tree lists no page, but the file holds one: the tree is damaged. A file
    // with no page object at all has no pages.
    let unreached = vec![
        b"<< /Type /Catalog /Pages 2 0 R /PageMode /UseNone >>".to_vec(),
        b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        b"<< /Type /Page /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>".to_vec(),
        stream("", b"BT /F1 12 Tf 72 700 Td (Lost) Tj ET"),
    ];
    match extract_pdf(&build(&unreached)) {
        Err(PdfError::Broken { why }) => {
            assert!(why.contains("none of its pages can be read"), "{why}")
        }
        other => panic!("{other:?}"),
    }
    let empty = vec![
        b"<< /Type /Catalog /Pages 2 0 R /PageMode /UseNone >>".to_vec(),
        b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
    ];
    match extract_pdf(&build(&empty)) {
        Err(PdfError::Broken { why }) => assert!(why.starts_with("it has no pages"), "{why}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn each_form_drawn_counts_for_more_than_a_glyph() {
    // Thirteen forms, each drawing a letter and the next twice: 8,191 forms and letters. A
    // form costs many times a glyph to draw, so its box's clip counts more: the page is
    // stopped at 100,000 steps, where 16,000 glyphs and paths would not be.
    let forms: Vec<Vec<u8>> = (0..13)
        .map(|k| {
            let id = 6 + k;
            let next = if k == 12 {
                String::new()
            } else {
                format!("/XObject << /Fm {} 0 R >>", id + 1)
            };
            let draw: &[u8] = if k == 12 {
                b"BT /F1 1 Tf (x) Tj ET"
            } else {
                b"BT /F1 1 Tf (x) Tj ET /Fm Do /Fm Do"
            };
            stream(
                &format!(
                    "/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /Font << /F1 4 0 R >> {next} >>"
                ),
                draw,
            )
        })
        .collect();
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (Some text) Tj ET /Fm Do",
        "/XObject << /Fm 6 0 R >>",
        &forms,
    );
    let limits = PdfLimits {
        page_steps: 100_000,
        ..PdfLimits::FILE
    };
    let e = extract_pdf_with(&pdf, limits).unwrap_err();
    assert!(matches!(e, PdfError::PageTooComplex { page: 1, .. }), "{e}");
}

#[test]
fn forms_that_draw_each_other_exponentially_are_stopped_at_the_limits() {
    // Thirty forms, each drawing the next four times: 4^30 paths, no form drawing itself.
    let forms: Vec<Vec<u8>> = (0..30)
        .map(|k| {
            let id = 6 + k;
            if k == 29 {
                stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10]", b"0 0 m 5 5 l S")
            } else {
                stream(
                    &format!(
                        "/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /Fm {} 0 R >> >>",
                        id + 1
                    ),
                    b"/Fm Do /Fm Do /Fm Do /Fm Do",
                )
            }
        })
        .collect();
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (Some text) Tj ET /Fm Do",
        "/XObject << /Fm 6 0 R >>",
        &forms,
    );
    let limits = PdfLimits {
        page_steps: 200_000,
        ..PdfLimits::FILE
    };
    let started = Instant::now();
    let e = extract_pdf_with(&pdf, limits).unwrap_err();
    assert!(matches!(e, PdfError::PageTooComplex { page: 1, .. }), "{e}");
    assert!(started.elapsed() < Duration::from_secs(10));
    // The time limit stops it too.
    let limits = PdfLimits {
        time: Duration::from_millis(300),
        ..PdfLimits::FILE
    };
    let started = Instant::now();
    let e = extract_pdf_with(&pdf, limits).unwrap_err();
    assert!(
        matches!(
            e,
            PdfError::TooSlow { .. } | PdfError::PageTooComplex { .. }
        ),
        "{e}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    eprintln!("stopped after {:?}: {e}", started.elapsed());
}

#[test]
fn a_stream_declaring_a_huge_length_does_not_allocate_it() {
    let content = b"BT /F1 12 Tf 72 700 Td (Declared too long) Tj ET";
    let mut body = b"<< /Length 99999999999 >>\nstream\n".to_vec();
    body.extend_from_slice(content);
    body.extend_from_slice(b"\nendstream");
    let pdf = build(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        body,
    ]);
    let started = Instant::now();
    let result = extract_pdf(&pdf);
    assert!(started.elapsed() < Duration::from_secs(2));
    match result {
        Ok(e) => assert_eq!(e.text, "Declared too long\n"),
        Err(e) => assert!(
            matches!(e, PdfError::Broken { .. } | PdfError::NoText { .. }),
            "{e}"
        ),
    }
}

#[test]
fn a_content_stream_that_inflates_past_the_limit_is_refused_before_parsing() {
    use flate2::Compression;
    use flate2::write::ZlibEncoder;
    use std::io::Write;
    let mut z = ZlibEncoder::new(Vec::new(), Compression::fast());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..(MAX_PDF_STREAM_BYTES >> 20) + 1 {
        z.write_all(&chunk).unwrap();
    }
    let bomb = z.finish().unwrap();
    assert!(bomb.len() < 1 << 20, "{}", bomb.len());
    let pdf = build(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_vec(),
        stream("/Filter /FlateDecode", &bomb),
    ]);
    let e = extract_pdf(&pdf).unwrap_err();
    assert!(
        matches!(e, PdfError::StreamTooLarge { total: false, .. }),
        "{e}"
    );
    assert!(e.to_string().contains("64 MiB"), "{e}");
}

#[test]
fn nesting_thousands_deep_does_not_overflow_the_stack() {
    let deep = format!("/Junk {}1{}", "[".repeat(100_000), "]".repeat(100_000));
    let dict_deep = format!("/Deep {}1{}", "<< /A ".repeat(50_000), " >>".repeat(50_000));
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (Still here) Tj ET",
        &format!("{deep} {dict_deep}"),
        &[],
    );
    let started = Instant::now();
    let result = extract_pdf(&pdf);
    assert!(started.elapsed() < Duration::from_secs(5));
    if let Ok(e) = result {
        assert_eq!(e.text, "Still here\n");
    }
}

#[test]
fn metadata_strings_are_decoded() {
    use super::pdf::text_string;
    assert_eq!(
        text_string(b"\xFE\xFF\x00R\x00\xE9\x00p\x00o\x00r\x00t").as_deref(),
        Some("Rép\u{6f}rt")
    );
    assert_eq!(
        text_string(b"Annual  report\n2025").as_deref(),
        Some("Annual report 2025")
    );
    assert_eq!(text_string(b"  "), None);
}

/// A fixture with a few bytes changed, a slice repeated or the end cut.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    let names = [
        "one-column.pdf",
        "two-columns.pdf",
        "table.pdf",
        "ligatures.pdf",
        "page-quote.pdf",
    ];
    (
        0..names.len(),
        proptest::collection::vec(
            (any::<prop::sample::Index>(), any::<u8>(), any::<bool>()),
            1..12,
        ),
        any::<prop::sample::Index>(),
        0u8..4,
    )
        .prop_map(move |(n, edits, at, how)| {
            let mut bytes = fixture(names[n]);
            // Half the edits hit a digit (an object number, offset, length or count) and put
            // another digit or a sign there: the structure breaks, not only a font's data.
            let digits: Vec<usize> = (0..bytes.len())
                .filter(|&i| bytes[i].is_ascii_digit())
                .collect();
            for (i, b, digit) in edits {
                if digit && !digits.is_empty() {
                    let i = digits[i.index(digits.len())];
                    bytes[i] = b"0123456789-9"[usize::from(b) % 12];
                } else {
                    let i = i.index(bytes.len());
                    bytes[i] = b;
                }
            }
            match how {
                0 => {
                    let i = at.index(bytes.len());
                    bytes.truncate(i.max(16));
                }
                1 => {
                    let i = at.index(bytes.len());
                    let end = (i + 200).min(bytes.len());
                    let slice = bytes[i..end].to_vec();
                    bytes.splice(i..i, slice);
                }
                _ => {}
            }
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn mutated_fixtures_never_panic_or_hang(bytes in mutated()) {
        let limits = PdfLimits { time: Duration::from_secs(5), ..PdfLimits::FILE };
        let started = Instant::now();
        let result = extract_pdf_with(&bytes, limits);
        prop_assert!(started.elapsed() < Duration::from_secs(8));
        if let Err(PdfError::ReaderFailed { message, .. }) = &result {
            // Caught, reported as a damaged file; the program goes on.
            eprintln!("the reader panicked: {message}");
            prop_assert!(!message.is_empty());
        }
        if let Ok(e) = result {
            prop_assert_eq!(e.text.chars().count(), e.pages.boxes.len());
        }
    }
}

/// Prints the glyphs of a PDF named by `FACTMARK_PDF_DEBUG`, to look at how a file is drawn:
/// `FACTMARK_PDF_DEBUG=doc.pdf cargo test --lib print_glyphs -- --ignored --nocapture`.
#[test]
#[ignore]
fn print_glyphs() {
    for_debug_pages(|i, glyphs, _| {
        for g in &glyphs.glyphs {
            let text: String = glyphs.text(g).iter().collect();
            println!(
                "p{} {text:?} x0={:.2} x1={:.2} base={:.2} size={:.2} space_before={}",
                i + 1,
                g.x0,
                g.x1,
                g.baseline,
                g.size,
                g.space_before
            );
        }
    });
}

/// Calls `f` with each page's glyphs of the PDF named by `FACTMARK_PDF_DEBUG` (and a
/// deadline a minute away), if one is.
fn for_debug_pages(mut f: impl FnMut(usize, &super::pdf_glyphs::PageGlyphs, Instant)) {
    use hayro_interpret::hayro_syntax::Pdf;
    let Ok(path) = std::env::var("FACTMARK_PDF_DEBUG") else {
        return;
    };
    let pdf = Pdf::new(std::fs::read(path).unwrap()).unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    for (i, page) in pdf.pages().iter().enumerate() {
        let mut glyphs = super::pdf_glyphs::collect_page(
            page,
            i + 1,
            super::pdf_glyphs::Turn::Upright,
            (deadline, u64::MAX),
            &mut super::pdf_lookalikes::FontShapes::new(),
        );
        super::pdf::settle_glyphs(&mut glyphs);
        f(i, &glyphs, deadline);
    }
}

/// Prints the lines of a PDF named by `FACTMARK_PDF_DEBUG` as the layout finds them (column,
/// baseline, edges, text with `|` at cell gaps): `FACTMARK_PDF_DEBUG=doc.pdf cargo test --lib
/// print_lines -- --ignored --nocapture`.
#[test]
#[ignore]
fn print_lines() {
    use super::pdf_layout::Sep;
    for_debug_pages(|i, glyphs, deadline| {
        println!("p{} rules={}", i + 1, glyphs.rules.len());
        if std::env::var_os("FACTMARK_PDF_DEBUG_RULES").is_some() {
            for r in &glyphs.rules {
                println!("p{} {r:?}", i + 1);
            }
        }
        let grids = super::pdf_grid::grids(glyphs);
        for grid in &grids {
            println!("p{} {grid:?}", i + 1);
        }
        for ladder in super::pdf_ladder::ladders(glyphs, &grids) {
            println!("p{} {ladder:?}", i + 1);
        }
        for line in super::pdf_layout::lines(glyphs, deadline).unwrap() {
            let mut text = "|".repeat(usize::from(line.lead));
            for &(g, sep) in &line.items {
                text.push_str(match sep {
                    Sep::None => "",
                    Sep::Space => " ",
                    Sep::Tab => " | ",
                    Sep::Cells(_) => " || ",
                });
                text.extend(glyphs.text(&glyphs.glyphs[g as usize]));
            }
            println!(
                "p{} r{} base={:.1} s={:.1} x={:.1}..{:.1} {text}",
                i + 1,
                line.region,
                line.baseline,
                line.size,
                line.x0,
                line.x1
            );
        }
    });
}

#[test]
fn identifiers_and_addresses_broken_at_a_line_end_are_joined_without_a_space() {
    use super::pdf_text::runs_on;
    for (prev, cur) in [
        ("Docket No. FAA–2020–", "0686; or in person"),
        ("Id. at 77–", "78."),
        ("Boeing Model 737–", "9 airplanes"),
        ("at https://", "www.regulations.gov by"),
        ("see http://example.org/reports/", "2018/final.pdf"),
        ("email: 9-FAA-SACO-AD-Inquiry@", "faa.gov."),
        ("in the years 2019-", "2020 the"),
        ("models such as CodeLlama-", "7B [26]"),
        ("cases of COVID-", "19 rose"),
        ("approximately 10,000-", "square-foot building"),
        ("adopted, No. CV 13-4016-", "KHV/GLR, 2015 WL"),
        (
            "States, <factfinder2.census.gov/bkmk/table/1.0/en",
            "/ACS/10_1YR/S2601A>.",
        ),
        (
            "at <http://www.census.gov/sipp/sourceac/S&A08",
            "_W1toW6(S&A-13).pdf>.",
        ),
    ] {
        assert!(runs_on(prev, cur), "{prev} | {cur}");
    }
    for (prev, cur) in [
        ("the council met –", "and then"),
        ("a well-", "known case"),
        ("It ended.", "Then"),
        ("the vote was 5-", "that is"),
        ("write to us @", "any time"),
        ("the ratio was 3/4 and", "/ then"),
        ("see page 4.", "/ACS tables"),
        ("in 2019-", "EU rules"),
        ("the 13-4016-", "Court held"),
    ] {
        assert!(!runs_on(prev, cur), "{prev} | {cur}");
    }
}

#[test]
fn a_footer_is_left_out_however_far_its_page_number_stands_from_its_words() {
    // The producer set the page number right after the words on one page, a space away on
    // the others.
    let contents: Vec<Vec<u8>> = (1..=4usize)
        .map(|n| {
            let footer = if n == 2 {
                format!("(Equal Opportunity Institute{n}) Tj")
            } else {
                format!("[(Equal Opportunity Institute) -250 ({n})] TJ")
            };
            let body = ["Surveys were sent", "Most units replied", "Replies were read", "The office wrote"]
                [n - 1];
            format!(
                "BT /F1 12 Tf 72 650 Td ({body} in week {n}.) Tj 0 -14 Td (More about that week.) Tj 0 -14 Td (And a last word on it.) Tj ET BT /F1 10 Tf 72 40 Td {footer} ET"
            )
            .into_bytes()
        })
        .collect();
    let refs: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
    let text = text_of(&pages(&refs));
    assert!(!text.contains("Institute"), "{text}");
    assert!(text.contains("Most units replied in week 2."), "{text}");
}

#[test]
fn a_footer_printing_its_page_number_twice_on_the_outer_side_is_left_out() {
    // A journal's extract of three pages: the footer prints the page number at the outer
    // edge and again as `180/312`, on the left of even pages and the right of odd ones.
    let contents: Vec<Vec<u8>> = (180..=182usize)
        .map(|n| {
            let footer = if n % 2 == 0 {
                format!("({n}) Tj 150 0 Td (The EFSA Journal 2009 - 223) Tj 250 0 Td ({n}/312) Tj")
            } else {
                format!("(The EFSA Journal 2009 - 223) Tj 250 0 Td ({n}/312) Tj 150 0 Td ({n}) Tj")
            };
            let body = ["Brucellosis was reported", "Most cases were domestic", "Milk samples were tested"]
                [n - 180];
            format!(
                "BT /F1 12 Tf 72 650 Td ({body} in the year.) Tj 0 -14 Td (More about that year.) Tj 0 -14 Td (And a last word on it.) Tj ET BT /F1 8 Tf 60 40 Td {footer} ET"
            )
            .into_bytes()
        })
        .collect();
    let refs: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
    let text = text_of(&pages(&refs));
    assert!(!text.contains("EFSA"), "{text}");
    assert!(
        text.contains("Most cases were domestic in the year."),
        "{text}"
    );
}

#[test]
fn a_tables_last_rows_at_the_foot_of_every_page_are_not_a_footer() {
    // The same table on each page, its last row at the page's foot: only its figures
    // differ from page to page, as a running footer's page number would.
    let contents: Vec<Vec<u8>> = (1..=4usize)
        .map(|n| {
            let month = ["January", "February", "March", "April"][n - 1];
            format!(
                "BT /F1 12 Tf 72 700 Td (Checks made in {month}, by state.) Tj ET \
BT /F1 9 Tf 72 80 Td (Wisconsin) Tj 100 0 Td ({a}) Tj 60 0 Td ({b}) Tj 60 0 Td ({c}) Tj ET \
BT /F1 9 Tf 72 68 Td (Wyoming) Tj 100 0 Td ({d}) Tj 60 0 Td ({e}) Tj 60 0 Td ({f}) Tj ET \
BT /F1 10 Tf 72 40 Td (Checks Report   {n}) Tj ET",
                a = 3000 + n * 17,
                b = 120 + n,
                c = 4100 + n * 3,
                d = 500 + n * 7,
                e = 18 + n,
                f = 1902 + n * 11,
            )
            .into_bytes()
        })
        .collect();
    let refs: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
    let text = text_of(&pages(&refs));
    assert_eq!(text.matches("Wyoming\t").count(), 4, "{text}");
    assert_eq!(text.matches("Wisconsin\t").count(), 4, "{text}");
    assert!(text.contains("Wyoming\t528\t22\t1946"), "{text}");
    assert!(!text.contains("Checks Report"), "{text}");
}

#[test]
fn the_layout_of_a_page_stops_when_the_time_runs_out() {
    use hayro_interpret::hayro_syntax::Pdf;
    let bytes = page(
        b"BT /F1 12 Tf 72 700 Td (A line of words.) Tj 0 -14 Td (Another line.) Tj ET",
        "",
        &[],
    );
    let pdf = Pdf::new(bytes).unwrap();
    let later = Instant::now() + Duration::from_secs(60);
    let mut shapes = super::pdf_lookalikes::FontShapes::new();
    let glyphs = super::pdf_glyphs::collect_page(
        &pdf.pages()[0],
        1,
        super::pdf_glyphs::Turn::Upright,
        (later, u64::MAX),
        &mut shapes,
    );
    assert!(super::pdf_layout::lines(&glyphs, later).is_some_and(|l| l.len() == 2));
    let past = Instant::now();
    std::thread::sleep(Duration::from_millis(5));
    assert!(super::pdf_layout::lines(&glyphs, past).is_none());
}

#[test]
fn a_tables_title_and_headings_repeated_on_its_pages_are_kept() {
    // Seven monthly tables, one a page: the same month comes back three pages apart, and
    // every page repeats the headings over the columns.
    let months = [
        "December", "January", "February", "December", "January", "February", "December",
    ];
    let contents: Vec<Vec<u8>> = months
        .iter()
        .enumerate()
        .map(|(i, month)| {
            let year = 2019 + i / 3;
            format!(
                "BT /F1 12 Tf 250 760 Td ({month} - {year}) Tj ET \
BT /F1 9 Tf 72 730 Td (State) Tj 100 0 Td (Permit) Tj 60 0 Td (Handgun) Tj 60 0 Td (Long Gun) Tj ET \
BT /F1 9 Tf 72 716 Td (Alabama) Tj 100 0 Td ({a}) Tj 60 0 Td ({b}) Tj 60 0 Td ({c}) Tj ET \
BT /F1 9 Tf 72 702 Td (Alaska) Tj 100 0 Td ({d}) Tj 60 0 Td ({e}) Tj 60 0 Td ({f}) Tj ET",
                a = 1000 + i * 13,
                b = 200 + i,
                c = 3000 + i * 7,
                d = 40 + i,
                e = 10 + i * 3,
                f = 2400 + i * 5,
            )
            .into_bytes()
        })
        .collect();
    let refs: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
    let text = text_of(&pages(&refs));
    for title in ["December - 2019", "December - 2020", "December - 2021"] {
        assert!(text.contains(title), "{title}: {text}");
    }
    assert_eq!(
        text.matches("State\tPermit\tHandgun\tLong Gun").count(),
        7,
        "{text}"
    );
}

#[test]
fn a_papers_note_on_where_it_is_published_waits_for_the_sentence_it_interrupts() {
    // At the foot of the first page, set small under a gap and without a note mark.
    let first = b"BT /F1 10 Tf 72 700 Td (The bag of words is used in many applications, from the) Tj 0 -12 Td (search of documents to the filtering of spam, and it has) Tj 0 -12 Td (the merit of being simple. However, it has many disadvan-) Tj ET \
BT /F1 8 Tf 72 90 Td (Proceedings of the 31st International Conference on Learning,) Tj 0 -10 Td (Beijing, China, 2014. Copyright 2014 by the author\\(s\\).) Tj ET";
    let second = b"BT /F1 10 Tf 72 700 Td (tages: the order of the words is lost, and so different) Tj 0 -12 Td (sentences can have the very same representation.) Tj ET";
    let text = text_of(&pages(&[first, second]));
    assert!(
        text.contains("it has many disadvantages: the order of the words is lost"),
        "{text}"
    );
    assert!(
        text.contains("Proceedings of the 31st International Conference"),
        "{text}"
    );
}

#[test]
fn compounds_broken_at_their_hyphen_keep_it_and_words_broken_into_syllables_do_not() {
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (The model is one-) Tj 0 -14 Td (dimensional and semi-) Tj 0 -14 Td (supervised, unlike the supervised one of the vice-) Tj 0 -14 Td (president, a high-) Tj 0 -14 Td (molecular-weight form, and the state-) Tj 0 -14 Td (of-the-art collec-) Tj 0 -14 Td (tion-level tool built high on the state of things, from innate self-) Tj 0 -14 Td (ishness and an anti-) Tj 0 -14 Td (body.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "The model is one-dimensional and semi-supervised, unlike the supervised one of the vice-president, a high-molecular-weight form, and the state-of-the-art collection-level tool built high on the state of things, from innate selfishness and an antibody.\n"
    );
}

#[test]
fn footnote_numbers_set_raised_before_their_notes_stay_with_them() {
    // Each note's number is set small and raised, a little to the left of the note's text,
    // as a column of its own would stand.
    let pdf = page(
        b"BT /F1 10 Tf 100 700 Td (Inflation in the territory has been below two per cent in recent years and) Tj 0 -13 Td (turned negative in the year of the pandemic, as the bank reported at the time.) Tj 0 -13 Td (With recovery under way, a modest rise in prices returned in the next year.) Tj ET \
BT /F1 6 Tf 100 123 Td (1) Tj ET BT /F1 9 Tf 110 120 Td (World Bank, 2022, Economic monitoring report to the committee, May.) Tj ET \
BT /F1 6 Tf 100 111 Td (2) Tj ET BT /F1 9 Tf 110 108 Td (Monetary Authority and the Bureau of Statistics, 2021, The performance of) Tj 0 -11 Td (the economy during 2021, with the forecasts for the year after.) Tj ET \
BT /F1 6 Tf 100 88 Td (3) Tj ET BT /F1 9 Tf 110 85 Td (Ibid.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.contains("\n\n1 World Bank, 2022, Economic monitoring report to the committee, May.\n\n2 Monetary Authority"),
        "{text}"
    );
    assert!(text.ends_with("\n\n3 Ibid.\n"), "{text}");
}

#[test]
fn a_full_stop_drawn_after_its_line_reads_where_it_stands() {
    // The line is drawn first with a word's space where the stop goes; the stop is drawn
    // after it, in that space (as some word processors draw a Persian line's stops).
    let pdf = page(
        b"BT /F1 10 Tf 72 700 Td [(The vote passed) -700 (Then the count began)] TJ ET \
BT /F1 10 Tf 146.3 700 Td (.) Tj ET",
        "",
        &[],
    );
    assert_eq!(text_of(&pdf), "The vote passed. Then the count began\n");
}

#[test]
fn a_note_numbered_zero_after_another_is_read_without_a_fault() {
    // Notes numbered `1` and then `0` (a misprint, or a table's note): read as they stand.
    let pdf = page(
        b"BT /F1 10 Tf 100 700 Td (Inflation in the territory has been below two per cent in recent years and) Tj 0 -13 Td (turned negative in the year of the pandemic, as the bank reported at the time.) Tj ET \
BT /F1 6 Tf 100 123 Td (1) Tj ET BT /F1 9 Tf 110 120 Td (World Bank, 2022, Economic monitoring report to the committee, May.) Tj ET \
BT /F1 6 Tf 100 111 Td (0) Tj ET BT /F1 9 Tf 110 108 Td (Monetary Authority, 2021, The performance of the economy.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(text.contains("Monetary Authority, 2021"), "{text}");
}

#[test]
fn a_note_going_on_over_the_page_with_a_capital_reads_as_one_before_the_next_notes() {
    let first = b"BT /F1 11 Tf 72 700 Td (The church had told the police of its plans, and the protest took) Tj 0 -15 Td (place on public land about a thousand feet from the church itself.) Tj ET \
BT /F1 8 Tf 72 100 Td (12 See, e.g., Stanglin, Anti-Gay Church Group from Kansas Plans to Picket the Funerals of the Six Victims in Tucson) Tj ET";
    let second = b"BT /F1 11 Tf 72 700 Td (On the day of the funeral, the members displayed placards that) Tj 0 -15 Td (conveyed the message promised in their release. Signs stating \"God Hates You\") Tj ET \
BT /F1 8 Tf 72 110 Td (Funerals, USA Today, Jan. 10, 2011.) Tj 0 -10 Td (13 See Santa Cruz, Church Agrees Not to Take Protest to Funerals.) Tj ET";
    let third = b"BT /F1 11 Tf 72 700 Td (and \"Thank God for Dead Soldiers\" reiterated the message of the day.) Tj ET";
    let text = text_of(&pages(&[first, second, third]));
    assert!(
        text.contains("Signs stating \"God Hates You\" and \"Thank God for Dead Soldiers\""),
        "{text}"
    );
    assert!(
        text.contains("Victims in Tucson Funerals, USA Today, Jan. 10, 2011."),
        "{text}"
    );
}

#[test]
fn a_note_going_on_over_the_page_after_a_citation_waits_with_it() {
    let first = b"BT /F1 11 Tf 72 700 Td (Justice Black may not have been a prophet, but his dissent has proved) Tj 0 -15 Td (prophetic, and the courts have since found exceptions to the rule.) Tj ET \
BT /F1 9 Tf 72 100 Td (8 The Court claimed that it could hardly be argued that students shed rights, 550 U. S.) Tj ET";
    let second = b"BT /F1 11 Tf 72 700 Td (Once a society that respected the authority of teachers, we now accept) Tj 0 -15 Td (defiance, disrespect and disorder as daily occurrences in many of) Tj ET \
BT /F1 9 Tf 72 110 Td (___ \\(2007\\). The Court also relied on Pierce v. Society of Sisters and on Meyer, 268 U. S.) Tj 0 -11 Td (510 \\(1925\\). Pierce has nothing to say on this issue either.) Tj ET";
    let third =
        b"BT /F1 11 Tf 72 700 Td (our public schools, as one writer put it at the time.) Tj ET";
    let text = text_of(&pages(&[first, second, third]));
    assert!(
        text.contains("daily occurrences in many of our public schools"),
        "{text}"
    );
    assert!(text.contains("268 U. S. 510 (1925). Pierce"), "{text}");
}

#[test]
fn a_chart_without_a_caption_at_the_top_of_a_page_waits_for_the_sentence_it_interrupts() {
    let first = b"BT /F1 11 Tf 72 700 Td (Central Equatoria recorded the highest number of incidents and) Tj 0 -15 Td (of victims, with five killed, three injured, 85) Tj ET";
    let second = b"BT /F1 9 Tf 150 660 Td (Trends in violence by armed groups) Tj 0 -12 Td (Victims by month) Tj ET \
BT /F1 8 Tf 72 630 Td (300) Tj 0 -14 Td (200) Tj 0 -14 Td (100) Tj 0 -14 Td (0) Tj ET \
BT /F1 8 Tf 100 570 Td (Jan) Tj 40 0 Td (Feb) Tj 40 0 Td (Mar) Tj ET \
BT /F1 11 Tf 72 530 Td (abducted, and eight subjected to violence, by this category of actors.) Tj 0 -15 Td (The civilians continued to flee the fighting in the region.) Tj ET";
    let text = text_of(&pages(&[first, second]));
    assert!(
        text.contains("three injured, 85 abducted, and eight subjected"),
        "{text}"
    );
    assert!(
        text.contains("Trends in violence by armed groups"),
        "{text}"
    );
}

/// A page whose left column's last sentence goes on at the top of the right column under a
/// table and its caption, with `notes` under the table; the sentence goes on `gap` points
/// under the table's last row.
fn table_over_a_sentence(notes: &str, gap: i32) -> String {
    let y = |k: i32| 637 - gap - 12 * k;
    format!(
        "BT /F1 10 Tf 56 700 Td (Several methods were applied to this dataset and) Tj ET \
BT /F1 10 Tf 56 688 Td (the recursive networks work much better than the) Tj ET \
BT /F1 10 Tf 56 676 Td (bag of words, which can be argued to be because) Tj ET \
BT /F1 10 Tf 56 664 Td (the reviews are short and the way words combine) Tj ET \
BT /F1 10 Tf 56 652 Td (plays a large part in them. The results also show that) Tj ET \
BT /F1 9 Tf 316 700 Td (Table 1. The performance of our method compared to other) Tj 0 -11 Td (approaches on the treebank dataset, as error rates.) Tj ET \
BT /F1 9 Tf 316 670 Td (Model) Tj 140 0 Td (Positive) Tj 60 0 Td (Fine) Tj ET \
BT /F1 9 Tf 316 659 Td (Naive Bayes) Tj 140 0 Td (18.2%) Tj 60 0 Td (59.0%) Tj ET \
BT /F1 9 Tf 316 648 Td (Word Vector Averaging) Tj 140 0 Td (19.9%) Tj 60 0 Td (67.3%) Tj ET \
BT /F1 9 Tf 316 637 Td (Paragraph Vector) Tj 140 0 Td (12.2%) Tj 60 0 Td (51.3%) Tj ET \
{notes} \
BT /F1 10 Tf 316 {} Td (more advanced methods, which require parsing and take) Tj ET \
BT /F1 10 Tf 316 {} Td (into account how words combine, perform much better.) Tj ET \
BT /F1 10 Tf 316 {} Td (Our method performs better than all of these, though) Tj ET \
BT /F1 10 Tf 316 {} Td (it does not require parsing of the sentences at all.) Tj ET",
        y(0),
        y(1),
        y(2),
        y(3)
    )
}

#[test]
fn a_table_under_its_caption_at_the_top_of_a_column_waits_for_the_sentence_it_interrupts() {
    for (notes, gap) in [
        ("", 27),
        // Its notes and source under it go with it.
        (
            "BT /F1 8 Tf 316 624 Td (* Denotes a significant difference at the ninety percent level, as the study) Tj 0 -9 Td (Table 4 reports it for each of the methods and for each of the sets of data.) Tj 0 -9 Td (Source: the treebank study.) Tj ET",
            57,
        ),
    ] {
        let text = text_of(&page(table_over_a_sentence(notes, gap).as_bytes(), "", &[]));
        assert!(
            text.contains(
                "The results also show that more advanced methods, which require parsing"
            ),
            "{text}"
        );
        assert!(
            text.contains("\nParagraph Vector\t12.2%\t51.3%\n"),
            "{text}"
        );
    }
}

#[test]
fn captions_of_two_tables_side_by_side_go_with_their_tables_each_its_own_paragraph() {
    let first = b"BT /F1 10 Tf 72 700 Td (To make the dataset we find all the votes on the full text of) Tj 0 -12 Td (bills. Overall, it has four thousand bills and a million votes.) Tj ET";
    let second = b"BT /F1 9 Tf 72 700 Td (Congress) Tj 60 0 Td (YEA) Tj 40 0 Td (EMB) Tj ET \
BT /F1 9 Tf 72 688 Td (106) Tj 60 0 Td (83.0) Tj 40 0 Td (84.9) Tj ET \
BT /F1 9 Tf 72 676 Td (107) Tj 60 0 Td (85.9) Tj 40 0 Td (89.7) Tj ET \
BT /F1 9 Tf 320 700 Td (Congress) Tj 60 0 Td (EMB) Tj ET \
BT /F1 9 Tf 320 688 Td (106) Tj 60 0 Td (0.524) Tj ET \
BT /F1 9 Tf 320 676 Td (107) Tj 60 0 Td (0.546) Tj ET \
BT /F1 9 Tf 72 656 Td (Table 2: Main results of our model and) Tj 0 -11 Td (of the baselines on each Congress.) Tj ET \
BT /F1 9 Tf 320 656 Td (Table 3: Minority class scores of our) Tj 0 -11 Td (model on each Congress.) Tj ET \
BT /F1 10 Tf 72 610 Td (Model We tested the accuracy of the model by running it for) Tj 0 -12 Td (ten epochs at a small learning rate on every Congress.) Tj ET";
    let text = text_of(&pages(&[first, second]));
    // A caption after a sentence's end starts a paragraph of its own.
    assert!(super::pdf_text::is_punctuated_caption("Table 3: Minority"));
    assert!(!super::pdf_text::is_punctuated_caption("Table 2 shows"));
    assert!(
        text.contains("\n\nTable 3: Minority class scores of our model on each Congress.\n"),
        "{text}"
    );
    assert!(!text.contains("votes. Table 3"), "{text}");
}

#[test]
fn numbered_table_titles_and_rows_of_figures_at_page_edges_are_not_furniture() {
    // Each page: its table's numbered title at the top, a row of figures at the foot.
    let contents: Vec<Vec<u8>> = (1..=3usize)
        .map(|n| {
            format!(
                "BT /F1 11 Tf 72 740 Td (Cuadro 3.{n} Casos por entidad federativa) Tj ET \
BT /F1 10 Tf 72 700 Td (Estado) Tj 120 0 Td (Casos) Tj ET \
BT /F1 10 Tf 72 686 Td (Chiapas) Tj 120 0 Td ({a}) Tj ET \
BT /F1 10 Tf 72 60 Td ({n}) Tj 120 0 Td (1.{b}) Tj ET",
                a = 40 + n * 3,
                b = 10 + n * 7,
            )
            .into_bytes()
        })
        .collect();
    let refs: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
    let text = text_of(&pages(&refs));
    for n in 1..=3 {
        assert!(
            text.contains(&format!("Cuadro 3.{n} Casos por entidad federativa")),
            "{text}"
        );
        assert!(text.contains(&format!("{n}\t1.{}", 10 + n * 7)), "{text}");
    }
}

#[test]
fn a_table_title_with_a_number_sign_and_its_source_at_page_edges_are_not_furniture() {
    // Each page: `Tabla N° n` over its table at the top, the same source line at the foot.
    let contents: Vec<Vec<u8>> = (1..=3usize)
        .map(|n| {
            format!(
                "BT /F1 10 Tf 72 740 Td (Tabla N\\260 {t}) Tj ET \
BT /F1 10 Tf 72 728 Td (Casos notificados por entidad territorial) Tj ET \
BT /F1 9 Tf 72 700 Td (Huila) Tj 120 0 Td ({a}) Tj 60 0 Td (10,24) Tj ET \
BT /F1 9 Tf 72 688 Td (Tolima) Tj 120 0 Td ({b}) Tj 60 0 Td (5,93) Tj ET \
BT /F1 8 Tf 72 60 Td (Fuente: Sivigila. Instituto Nacional de Salud, Colombia, 2015-2016) Tj ET",
                t = 44 + n,
                a = 200 + n * 3,
                b = 120 + n * 7,
            )
            .into_bytes()
        })
        .collect();
    let refs: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
    let text = text_of(&pages_win_ansi(&refs));
    for n in 45..=47 {
        assert!(text.contains(&format!("Tabla N\u{b0} {n}")), "{text}");
    }
    assert_eq!(text.matches("Fuente: Sivigila.").count(), 3, "{text}");
}

/// A page drawing `content` with Helvetica as /F1 and, as /F2, Helvetica whose codes a–j
/// its Unicode map gives as ideographs and Chinese stops: 地缘政治冲突频发、。
fn with_han_font(content: &[u8]) -> Vec<u8> {
    with_mapped_font(content, "地缘政治冲突频发、。")
}

/// A page drawing `content` with Helvetica as /F1 and, as /F2, Helvetica whose codes from
/// `a` on its Unicode map gives as the characters of `map`, in order.
fn with_mapped_font(content: &[u8], map: &str) -> Vec<u8> {
    let pairs: String = map
        .chars()
        .enumerate()
        .map(|(i, c)| format!("<{:02X}> <{:04X}> ", b'a' as usize + i, c as u32))
        .collect();
    let cmap = format!(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Map def \
1 begincodespacerange <00> <FF> endcodespacerange {} beginbfchar {pairs}endbfchar endcmap \
CMapName currentdict /CMap defineresource pop end end",
        map.chars().count()
    );
    build(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R /F2 6 0 R >> >> /Contents 5 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
        stream("", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >>".to_vec(),
        stream("", cmap.as_bytes()),
    ])
}

#[test]
fn korean_items_whose_lines_wrap_inside_a_word_are_one_paragraph_each() {
    // Two items, each `n` (a symbol font's square) before Korean words: a full line that
    // stops inside a word written whole elsewhere goes on joined, one that stops between
    // words goes on with a space. Codes: a 연 b 평 c 균 d 성 e 장 f 률 g 기 h 록 i 해 j 소.
    let full = "abcdefghij".repeat(6);
    let content = format!(
        "BT /F2 10 Tf 72 700 Td (n {full} ab) Tj ET BT /F2 10 Tf 80 686 Td (c de) Tj ET \
BT /F2 10 Tf 72 668 Td (n {full} ij) Tj ET BT /F2 10 Tf 80 654 Td (de gh) Tj ET \
BT /F2 10 Tf 72 636 Td (n abc fg) Tj ET"
    );
    let text = text_of(&with_mapped_font(
        content.as_bytes(),
        "연평균성장률기록해소",
    ));
    let words = "연평균성장률기록해소".repeat(6);
    assert_eq!(
        text,
        format!("n {words} 연평균 성장\n\nn {words} 해소 성장 기록\n\nn 연평균 률기\n")
    );
}

#[test]
fn a_line_wrap_inside_chinese_text_is_no_space() {
    // A sentence of Chinese wrapped over two lines (and a Latin one after it, whose wrap is
    // a space).
    let pdf = with_han_font(b"BT /F2 10 Tf 72 700 Td (abcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcde) Tj ET \
BT /F2 10 Tf 72 686 Td (fghiabcdj) Tj ET \
BT /F1 10 Tf 72 650 Td (The council met on Monday and voted on the budget for the coming year, as it) Tj ET \
BT /F1 10 Tf 72 636 Td (does every spring.) Tj ET");
    let text = text_of(&pdf);
    let han = "地缘政治冲".repeat(15);
    assert_eq!(
        text,
        format!(
            "{han}突频发、地缘政治。\n\nThe council met on Monday and voted on the budget for the coming year, as it does every spring.\n"
        )
    );
}

#[test]
fn chinese_references_with_a_hanging_indent_are_one_entry_each() {
    // Each entry's first line at the margin, its next line indented two characters; the
    // last entry fits on one short line. An entry broken inside a page range after its
    // hyphen (`175-` / `192`) is one entry too.
    let full = "abcde".repeat(12);
    let content = format!(
        "BT /F2 10 Tf 72 700 Td ({full}) Tj ET BT /F2 10 Tf 93 686 Td (fghj) Tj ET \
BT /F2 10 Tf 72 668 Td ({full}) Tj ET BT /F2 10 Tf 93 654 Td (abj) Tj ET \
BT /F2 10 Tf 72 636 Td ({part} 175-) Tj ET BT /F2 10 Tf 93 622 Td (192) Tj ET \
BT /F2 10 Tf 72 604 Td (abcdj) Tj ET \
BT /F1 10 Tf 72 560 Td (The list goes on over the next page, with the entries in English, which) Tj ET \
BT /F1 10 Tf 72 546 Td (follow the same form.) Tj ET",
        part = &full[..55],
    );
    let text = text_of(&with_han_font(content.as_bytes()));
    let han = "地缘政治冲".repeat(12);
    assert_eq!(
        text,
        format!(
            "{han}突频发。\n\n{han}地缘。\n\n{} 175-192\n\n地缘政治。\n\nThe list goes on over the next page, with the entries in English, which follow the same form.\n",
            &han[..han.char_indices().nth(55).unwrap().0]
        )
    );
}

#[test]
fn letters_set_apart_one_by_one_read_as_their_words() {
    // A letter-spaced heading (two spaces between its words) and address; a scale of
    // figures and a sentence of one-letter words keep their spaces.
    let pdf = page(
        b"BT /F1 14 Tf 72 700 Td (S U M M A R Y  O F  F I N D I N G S) Tj ET \
BT /F1 11 Tf 72 670 Td (The survey asked each person to rate the service on a scale of) Tj ET \
BT /F1 11 Tf 72 656 Td (1 2 3 4 5 and to say where they heard of it.) Tj ET \
BT /F1 14 Tf 72 620 Td (w w w . i n s . g o v . c o) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(text.starts_with("SUMMARY OF FINDINGS\n"), "{text}");
    assert!(text.contains("a scale of 1 2 3 4 5 and"), "{text}");
    assert!(text.contains("\nwww.ins.gov.co\n"), "{text}");
}

#[test]
fn a_chart_in_the_left_column_beside_paragraph_gaps_on_the_right_keeps_the_columns() {
    // A running head across the gutter; the left column's chart (a title and two labels)
    // stands level with two gaps between the right column's paragraphs. The left column is
    // read to its end, whose sentence goes on at the top of the right one.
    let line = "the samples were stained and read by two people";
    let mut c = String::from("BT /F1 9 Tf 200 742 Td (Journal of Tests 2024 Vol 10 page 3) Tj ET ");
    let mut put =
        |x: f32, y: f32, t: &str| c.push_str(&format!("BT /F1 10 Tf {x} {y} Td ({t}) Tj ET "));
    for k in 0..9 {
        put(50.0, 720.0 - 11.5 * k as f32, line);
    }
    put(
        50.0,
        720.0 - 11.5 * 9.0,
        "as the pie chart shows for the two groups.",
    );
    put(120.0, 540.0, "Case distribution");
    put(90.0, 480.0, "50");
    put(250.0, 480.0, "50");
    put(60.0, 400.0, "Figure 1: Distribution of the cases.");
    for k in 0..7 {
        put(50.0, 380.0 - 11.5 * k as f32, line);
    }
    put(
        50.0,
        380.0 - 11.5 * 7.0,
        "and only 2 instances were mild, while 6 cases were",
    );
    for k in 0..14 {
        put(
            310.0,
            720.0 - 11.5 * k as f32,
            if k == 0 {
                "exhibiting moderate and 32 cases strong stain"
            } else {
                line
            },
        );
    }
    for k in 0..9 {
        put(310.0, 545.0 - 11.5 * k as f32, line);
    }
    for k in 0..11 {
        put(310.0, 425.0 - 11.5 * k as f32, line);
    }
    let text = text_of(&page(c.as_bytes(), "", &[]));
    assert!(
        text.contains("while 6 cases were exhibiting moderate and 32 cases strong stain"),
        "{text}"
    );
    let left_end = text.find("while 6 cases").unwrap();
    assert!(text.find("Figure 1:").unwrap() < left_end, "{text}");
}

#[test]
fn a_maps_caption_level_with_a_tables_rows_beside_it_stays_out_of_them() {
    // A table on the left; on the right, a map's caption (the map is a picture) level with
    // the table's first rows, and its legend further down.
    let mut c = String::new();
    let mut put =
        |x: f32, y: f32, t: &str| c.push_str(&format!("BT /F1 9 Tf {x} {y} Td ({t}) Tj ET "));
    put(60.0, 700.0, "State");
    put(160.0, 700.0, "Cases");
    put(220.0, 700.0, "Share");
    for (k, (state, cases, share)) in [
        ("Norte", "641", "30,67"),
        ("Huila", "214", "10,24"),
        ("Tolima", "124", "5,93"),
        ("Valle", "35", "1,67"),
        ("Meta", "19", "0,91"),
    ]
    .iter()
    .enumerate()
    {
        let y = 688.0 - 12.0 * k as f32;
        put(60.0, y, state);
        put(160.0, y, cases);
        put(220.0, y, share);
    }
    put(380.0, 700.0, "Map 7");
    put(330.0, 688.0, "Cases reported by state of origin, to week 8");
    put(360.0, 600.0, "States with suspected cases");
    put(360.0, 588.0, "States with confirmed cases");
    let text = text_of(&page(c.as_bytes(), "", &[]));
    assert!(text.contains("Norte\t641\t30,67\n"), "{text}");
    assert!(text.contains("\nMap 7\n"), "{text}");
    assert!(
        text.contains("Cases reported by state of origin, to week 8"),
        "{text}"
    );
}

#[test]
fn a_captions_second_line_and_notes_at_page_edges_are_not_furniture() {
    // Each page: a table's two-line title at the top (its second line the same on every
    // page), then rows, then notes alike but for their figures, at the same place.
    let contents: Vec<Vec<u8>> = (1..=3usize)
        .map(|n| {
            format!(
                "BT /F1 10 Tf 40 760 Td (Table {n}. Consumer Price Index for All Urban Consumers, by area,) Tj ET \
BT /F1 10 Tf 40 748 Td ([1982-84=100, unless otherwise noted]) Tj ET \
BT /F1 9 Tf 40 720 Td (Boston) Tj 160 0 Td ({a}.1) Tj 60 0 Td (2.{n}) Tj ET \
BT /F1 9 Tf 40 708 Td (Denver) Tj 160 0 Td ({b}.4) Tj 60 0 Td (1.{n}) Tj ET \
BT /F1 9 Tf 40 696 Td (Miami) Tj 160 0 Td ({c}.7) Tj 60 0 Td (3.{n}) Tj ET \
BT /F1 8 Tf 40 100 Td ({m} Indexes on a December {y}=100 base.) Tj ET \
BT /F1 8 Tf 40 90 Td ({k} Indexes on a December {z}=100 base.) Tj ET",
                a = 300 + n,
                b = 290 + n,
                c = 310 + n,
                m = 2 * n + 5,
                k = 2 * n + 6,
                y = 1990 + n,
                z = 2000 + n,
            )
            .into_bytes()
        })
        .collect();
    let refs: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
    let text = text_of(&pages(&refs));
    assert_eq!(
        text.matches("[1982-84=100, unless otherwise noted]")
            .count(),
        3,
        "{text}"
    );
    for (m, y) in [(7, 1991), (9, 1992), (11, 1993)] {
        assert!(
            text.contains(&format!("{m} Indexes on a December {y}=100 base.")),
            "{text}"
        );
    }
}

#[test]
fn letters_spread_by_tracking_read_as_their_words() {
    // Every letter a little apart, some gaps just over a word space's least width and some
    // just under; the gap between the words is three times wider.
    let pdf = page(
        b"BT /F1 10 Tf 72 700 Td [(R) -170 (E) -140 (V) -170 (I) -140 (S) -170 (I) -140 (O) -170 (N) -500 (R) -140 (E) -170 (C) -140 (O) -170 (R) -140 (D)] TJ ET \
BT /F1 10 Tf 72 680 Td (The record of each revision is kept.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "REVISION RECORD\n\nThe record of each revision is kept.\n"
    );
}

#[test]
fn a_short_heading_at_a_pages_top_after_a_sentences_end_starts_a_paragraph() {
    // Page 1 ends a sentence on a line nearly full (the heading's first word would not fit
    // after it); page 2 opens with a short heading set apart from its text.
    let pdf = pages(&[
        b"BT /F1 12 Tf 60 700 Td (The index will leave out long-term care insurance from the health) Tj 0 -14 Td (insurance index, as changes in its market made it out of scope for pricing in) Tj 0 -14 Td (the market basket of the index, which the bureau said in its notice today.) Tj ET",
        b"BT /F1 12 Tf 60 720 Td (Technical Note) Tj ET BT /F1 12 Tf 60 690 Td (The Consumer Price Index measures the change in prices paid by consumers for) Tj 0 -14 Td (goods and services over time.) Tj ET",
    ]);
    let text = text_of(&pdf);
    assert!(
        text.contains("said in its notice today.\n\nTechnical Note\n\nThe Consumer Price Index"),
        "{text}"
    );
}

#[test]
fn a_tables_group_headings_repeated_at_each_pages_top_are_not_furniture() {
    // Each page: the table's title, then the same group headings over its columns (one a
    // line of two cells, one of words alone over the right columns), then its rows.
    let contents: Vec<Vec<u8>> = (1..=3usize)
        .map(|n| {
            format!(
                "BT /F1 10 Tf 40 760 Td (Table {n}. Prices by category, July 2025) Tj ET \
BT /F1 8 Tf 330 742 Td (Seasonally adjusted percent change) Tj ET \
BT /F1 8 Tf 200 736 Td (Relative) Tj 80 0 Td (Unadjusted indexes) Tj ET \
BT /F1 8 Tf 200 728 Td (importance) Tj 80 0 Td (Jun.) Tj 50 0 Td (Jul.) Tj 50 0 Td (May) Tj 50 0 Td (Jun.) Tj ET \
BT /F1 8 Tf 40 716 Td (Expenditure category) Tj ET \
BT /F1 9 Tf 40 640 Td (Food) Tj 160 0 Td (13.{n}) Tj 80 0 Td (31{n}.1) Tj 50 0 Td (32{n}.4) Tj 50 0 Td (0.{n}) Tj 50 0 Td (0.2) Tj ET \
BT /F1 9 Tf 40 628 Td (Energy) Tj 160 0 Td (6.{n}) Tj 80 0 Td (28{n}.7) Tj 50 0 Td (27{n}.9) Tj 50 0 Td (0.{n}) Tj 50 0 Td (0.5) Tj ET \
BT /F1 9 Tf 40 616 Td (Shelter) Tj 160 0 Td (35.{n}) Tj 80 0 Td (40{n}.2) Tj 50 0 Td (41{n}.0) Tj 50 0 Td (0.{n}) Tj 50 0 Td (0.3) Tj ET \
BT /F1 10 Tf 40 560 Td (The table on page {n} gives the prices of each category in the month.) Tj ET \
BT /F1 10 Tf 40 546 Td (Page {n} of the release.) Tj ET"
            )
            .into_bytes()
        })
        .collect();
    let refs: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
    let text = text_of(&pages(&refs));
    assert_eq!(
        text.matches("Seasonally adjusted percent change").count(),
        3,
        "{text}"
    );
}

#[test]
fn pages_that_are_pictures_without_text_are_named() {
    // Page 2 is a scan with no text layer (one picture over the whole page), page 3 is
    // blank: only page 2 is named.
    let pdf = pages(&[
        b"BT /F1 12 Tf 72 700 Td (The order of the court, with its reasons.) Tj ET",
        b"q 612 0 0 792 0 0 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x80\x40\x20\x10 EI Q",
        b"",
    ]);
    let extracted = extract_pdf(&pdf).unwrap();
    assert_eq!(
        extracted.text,
        "The order of the court, with its reasons.\n"
    );
    assert_eq!(extracted.pages.scanned, vec![2]);
    let warning = extracted.pages.damage().unwrap();
    assert!(
        warning.starts_with("Page 2 of this PDF is a picture"),
        "{warning}"
    );
}

#[test]
fn a_pdf_whose_list_of_pages_is_damaged_says_so() {
    // The catalog's page tree points at an object that is not there; the page itself is.
    let pdf = build(&[
        b"<< /Type /Catalog /Pages 9 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        b"<< /Type /Page /MediaBox [0 0 612 792] /Resources << /Font << /F1 2 0 R >> >> /Contents 4 0 R >>".to_vec(),
        stream("", b"BT /F1 12 Tf 72 700 Td (The one page that was found.) Tj ET"),
    ]);
    let extracted = extract_pdf(&pdf).unwrap();
    assert_eq!(extracted.text, "The one page that was found.\n");
    let warning = extracted.pages.damage().unwrap();
    assert!(
        warning.contains("list of pages of this PDF is damaged"),
        "{warning}"
    );
    // An intact PDF says nothing.
    let intact = page(b"BT /F1 12 Tf 72 700 Td (Whole.) Tj ET", "", &[]);
    assert_eq!(extract_pdf(&intact).unwrap().pages.damage(), None);
}

#[test]
fn a_table_row_whose_values_stand_at_two_heights_reads_as_one_row() {
    // The total row's middle value is set a little higher than the others; a group's
    // second row, which fills the same columns again, stays a row of its own.
    let pdf = page(
        b"BT /F1 12 Tf 72 740 Td (How each unit answered the question on the survey.) Tj ET \
BT /F1 10 Tf 72 700 Td (Group) Tj 100 0 Td (Disagree) Tj 80 0 Td (Neither) Tj 80 0 Td (Agree) Tj ET \
BT /F1 10 Tf 72 686 Td (North) Tj 100 0 Td (10%) Tj 80 0 Td (20%) Tj 80 0 Td (70%) Tj ET \
BT /F1 10 Tf 72 672 Td (South) Tj 100 0 Td (15%) Tj 80 0 Td (25%) Tj 80 0 Td (60%) Tj ET \
BT /F1 10 Tf 72 656 Td (Total) Tj 180 0 Td (22%) Tj ET \
BT /F1 10 Tf 172 646 Td (12%) Tj 160 0 Td (66%) Tj ET \
BT /F1 10 Tf 72 630 Td (Riparian) Tj 100 0 Td (RYU1829) Tj 80 0 Td (Yucca Creek) Tj 80 0 Td (5%) Tj ET \
BT /F1 10 Tf 172 618 Td (RSY1880) Tj 80 0 Td (Sycamore Creek) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(text.contains("\nTotal\t12%\t22%\t66%\n"), "{text}");
    assert!(text.contains("\n\tRSY1880\tSycamore Creek"), "{text}");
}

#[test]
fn a_word_broken_after_its_first_letter_keeps_its_hyphen() {
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (The smoke holds ten N-) Tj 0 -14 Td (nitrosamines and two aldehydes.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "The smoke holds ten N-nitrosamines and two aldehydes.\n"
    );
}

#[test]
fn two_lines_stretched_to_three_words_inside_a_paragraph_are_prose_not_a_table() {
    // A justified column: two lines of three words each, stretched wide, between full lines.
    let pdf = page(
        b"BT /F1 10 Tf 72 700 Td (The smoke of tobacco holds ten kinds of aromatic polynuclear) Tj ET \
BT /F1 10 Tf 72 688 Td (hydrocarbons,) Tj 1 0 0 1 200 688 Tm (heterocyclic,) Tj 1 0 0 1 331 688 Tm (four) Tj ET \
BT /F1 10 Tf 72 676 Td (hydrocarbons) Tj 1 0 0 1 215 676 Tm (volatile,) Tj 1 0 0 1 331 676 Tm (four) Tj ET \
BT /F1 10 Tf 72 664 Td (nitrohydrocarbons, three aromatic amines and eight other amines,) Tj ET \
BT /F1 10 Tf 72 652 Td (and two aldehydes.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.contains("polynuclear hydrocarbons, heterocyclic, four hydrocarbons volatile, four nitrohydrocarbons"),
        "{text}"
    );
}

#[test]
fn two_lines_stretched_to_five_words_inside_a_paragraph_are_prose_not_a_table() {
    // Each stretched at four of its spaces, not the others (a quote's `In Martin & Harris`).
    let pdf = page(
        b"BT /F1 10 Tf 72 700 Td (The smoke of tobacco holds ten kinds of aromatic polynuclear) Tj ET \
BT /F1 10 Tf 72 688 Td (it is entertain.) Tj 1 0 0 1 155 688 Tm (In Martin) Tj 1 0 0 1 225 688 Tm (and) Tj 1 0 0 1 260 688 Tm (Harris) Tj 1 0 0 1 310 688 Tm (Ltd. v. 6th) Tj ET \
BT /F1 10 Tf 72 676 Td (District Judge) Tj 1 0 0 1 160 676 Tm (reported) Tj 1 0 0 1 215 676 Tm (in 1998) Tj 1 0 0 1 270 676 Tm (one) Tj 1 0 0 1 300 676 Tm (SCC 732 cited) Tj ET \
BT /F1 10 Tf 72 664 Td (nitrohydrocarbons, three aromatic amines and eight other amines,) Tj ET \
BT /F1 10 Tf 72 652 Td (and two aldehydes.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.contains("polynuclear it is entertain. In Martin and Harris Ltd. v. 6th District Judge reported in 1998 one SCC 732 cited nitrohydrocarbons"),
        "{text}"
    );
}

#[test]
fn a_page_set_one_and_a_half_lines_apart_reads_in_paragraphs_not_lines() {
    // The first page is set single-spaced, the second one and a half lines apart.
    let first = b"BT /F1 10 Tf 72 700 Td (the survey of the region found that most of the people who) Tj 0 -12 Td (live there had heard of the plan and that many of them had) Tj 0 -12 Td (taken part in the meetings held in each of the towns) Tj 0 -12 Td (during the spring and summer of the year before the vote) Tj 0 -12 Td (was held in all the districts of the province where the) Tj 0 -12 Td (council sits the survey of the region found that most of) Tj 0 -12 Td (the people who live there had heard of the plan and that) Tj 0 -12 Td (many of them had taken part in the meetings held in each) Tj 0 -12 Td (of the towns during the spring and summer of the year) Tj 0 -12 Td (before the vote was held in all the districts of the) Tj ET";
    let second = b"BT /F1 10 Tf 72 700 Td (a second report on the harbour showed that the boats which) Tj 0 -18 Td (came in each morning brought less fish than in any year) Tj 0 -18 Td (since the records began and that the prices paid at the) Tj 0 -18 Td (market rose by a third while the number of buyers fell as) Tj 0 -18 Td (the shops in the old town closed one after another through) Tj 0 -18 Td (the long winter months so the council asked the fishermen) Tj 0 -18 Td (what help they wanted and most of them asked for a new) Tj 0 -18 Td (quay on the north side of the bay where the water is deep) Tj 0 -18 Td (enough for larger boats to come in at any tide and for a) Tj 0 -18 Td (cold store near the market hall) Tj ET";
    let text = text_of(&pages(&[first, second]));
    let paragraphs = text.split("\n\n").count();
    assert!(paragraphs <= 2, "{paragraphs}: {text}");
}

#[test]
fn entries_of_contents_that_name_their_page_are_each_a_paragraph() {
    let pdf = page(
        b"BT /F1 10 Tf 72 700 Td (Enfermedades infecciosas y parasitarias del aparato digestivo pag. 18) Tj 0 -12 Td (Enfermedades infecciosas del aparato respiratorio y de los pulmones pag. 23) Tj 0 -12 Td (Enfermedades transmisibles por vector y otros animales que las llevan pag. 29) Tj 0 -12 Td (As the court held at the time \\(see Connor, supra, 50 Cal.3d at p. 1057) Tj 0 -12 Td ([actual injury is not an element]\\), the rule stands.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert_eq!(text.matches("\n\n").count(), 3, "{text}");
    assert!(text.contains("at p. 1057 [actual injury"), "{text}");
}

#[test]
fn a_number_and_a_word_at_a_line_start_go_on_the_sentence_and_a_list_number_does_not() {
    let pdf = page(
        b"BT /F1 10 Tf 72 700 Td (The survey counted people of every age in each of the states and) Tj 0 -12 Td (the districts of the country. Of people aged) Tj 0 -12 Td (6 years and older, twelve million had a disability of some kind.) Tj 0 -24 Td (What you get) Tj 0 -12 Td (1. a membership for a month) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(text.contains("Of people aged 6 years and older"), "{text}");
    assert!(text.contains("What you get\n\n1. a membership"), "{text}");
}

#[test]
fn a_list_line_at_the_foot_of_one_page_and_the_head_of_another_is_not_furniture() {
    let items = [
        ("Nuclear", "Biological"),
        ("Sabotage Equipment", "Chemical"),
        ("Other", "Radiological"),
        ("Melee", "Firearms"),
        ("Vehicle", "Incendiary"),
    ];
    let contents: Vec<Vec<u8>> = items
        .iter()
        .enumerate()
        .map(|(i, (last, first))| {
            let (top, bottom) = match i {
                0 | 1 => ("", "[no corresponding sub-types]"),
                2 => ("[no corresponding sub-types]", ""),
                _ => ("", ""),
            };
            format!(
                "BT /F1 10 Tf 72 740 Td ({top}) Tj 0 -14 Td ({first}) Tj 0 -14 Td (The weapon types of part {i} of the list and their codes.) Tj ET \
BT /F1 10 Tf 72 120 Td ({last}) Tj 0 -14 Td ({bottom}) Tj ET \
BT /F1 9 Tf 72 40 Td (Codebook of the database, 2019) Tj ET"
            )
            .into_bytes()
        })
        .collect();
    let refs: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
    let text = text_of(&pages(&refs));
    assert_eq!(
        text.matches("[no corresponding sub-types]").count(),
        3,
        "{text}"
    );
    assert!(!text.contains("Codebook of the database"), "{text}");
}

#[test]
fn a_unicode_map_that_gives_a_capital_as_a_small_letter_is_read_by_the_code() {
    // The font's ToUnicode maps N (78) and H (72) to small letters; the page draws capitals.
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <00> <FF> endcodespacerange 4 beginbfchar <4E> <006E> <48> <0068> <6F> <006F> <72> <0072> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end";
    let pdf = build(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>".to_vec(),
        stream("", b"BT /F1 12 Tf 72 700 Td (Norway and Hungary report more cases.) Tj ET"),
        stream("", cmap),
    ]);
    assert_eq!(text_of(&pdf), "Norway and Hungary report more cases.\n");
}

#[test]
fn each_code_of_a_codebook_list_is_its_own_line() {
    let pdf = page(
        b"BT /F1 10 Tf 72 700 Td (1 = Biological) Tj 0 -12 Td (2 = Automatic Weapon \\(including semi-automatic\\)) Tj 0 -12 Td (3 = Handgun) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "1 = Biological\n\n2 = Automatic Weapon (including semi-automatic)\n\n3 = Handgun\n"
    );
}

#[test]
fn a_note_mark_drawn_after_its_line_is_read_where_it_stands() {
    // The line is drawn first, then its note mark, raised after "termination.".
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (severe enough to be a constructive termination. He sought damages.) Tj ET BT /F1 7 Tf 325 704 Td (2) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "severe enough to be a constructive termination.2 He sought damages.\n"
    );
}

#[test]
fn a_list_items_label_and_one_stretched_space_set_wide_are_not_cells() {
    // Items whose labels stand a cell's gap from their text, a line stretched before its
    // last word, and lines that go on a sentence where the producer indented them anyhow.
    let pdf = page(
        b"BT /F1 10 Tf 40 700 Td (a.) Tj 22 0 Td (Unit: Examine Section III, the Overall Unit Summary, to compare) Tj -12 -13 Td (the favorability of your unit with the units of your parent branch on each) Tj 370 0 Td (climate) Tj -370 -13 Td (factor of the survey.) Tj -10 -26 Td (b.) Tj 22 0 Td (Subgroups: Examine Section IV, the subgroup comparisons, to) Tj -12 -13 Td (compare the perceptions among subgroups, shown where five people) Tj -10 -13 Td (in any subgroup complete the survey.) Tj 0 -26 Td (\\(q\\)) Tj 22 0 Td (Related Information) Tj -12 -13 Td (For more information about this report, contact the office.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "a. Unit: Examine Section III, the Overall Unit Summary, to compare the favorability of your unit with the units of your parent branch on each climate factor of the survey.\n\nb. Subgroups: Examine Section IV, the subgroup comparisons, to compare the perceptions among subgroups, shown where five people in any subgroup complete the survey.\n\n(q) Related Information\n\nFor more information about this report, contact the office.\n"
    );
}

#[test]
fn a_centred_byline_and_a_figures_labels_stay_apart_from_the_line_above() {
    let pdf = page(
        b"BT /F1 12 Tf 150 700 Td (The Buried Moon, an English Fairy Tale) Tj 60 -14 Td (by the tale teller) Tj -138 -40 Td (side exit,) Tj 10 -14 Td (no existing trace) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "The Buried Moon, an English Fairy Tale\n\nby the tale teller\n\nside exit,\n\nno existing trace\n"
    );
}

#[test]
fn star_page_marks_before_a_pages_first_line_are_left_out() {
    let first: &[u8] = b"BT /F1 12 Tf 72 700 Td (The court found that the taxpayer was liable for the) Tj 0 -24 Td (deficiency and for the addition to tax, and that he claimed a) Tj ET";
    let second: &[u8] = b"BT /F1 12 Tf 72 700 Td ([*2] corresponding deduction for the losses of the year.) Tj 36 -24 Td (The parties settled the other issues before the trial.) Tj -36 -24 Td (None of them is before the Court.) Tj ET";
    let third: &[u8] = b"BT /F1 12 Tf 72 700 Td ([*3]) Tj 36 0 Td (Held, further, the guarantee increased his basis.) Tj -36 -24 Td (A citation such as [*4] inside a line stays.) Tj ET";
    let text = text_of(&pages(&[first, second, third]));
    assert!(
        text.contains("that he claimed a corresponding deduction for the losses of the year.\n\nThe parties settled"),
        "{text}"
    );
    assert!(text.contains("\n\nHeld, further,"), "{text}");
    assert!(text.contains("such as [*4] inside"), "{text}");
    assert!(!text.contains("[*2]") && !text.contains("[*3]"), "{text}");
}

#[test]
fn a_tables_row_groups_named_between_rows_stay_in_the_table_and_its_last_row_keeps_its_cells() {
    let row = |y: u32, label: &str, cells: [&str; 4]| {
        let mut s = format!("BT /F1 9 Tf 72 {y} Td ({label}) Tj ET ");
        for (x, c) in [130, 220, 280, 340].iter().zip(cells) {
            s.push_str(&format!("BT /F1 9 Tf {x} {y} Td ({c}) Tj ET "));
        }
        s
    };
    let content = [
        "BT /F1 10 Tf 72 740 Td (The model used in our experiments is trained in batches.) Tj ET ".to_string(),
        row(700, "None", ["BM25", "59.1", "66.9", "55.0"]),
        row(688, "Zero", ["DPR", "78.4", "79.4", "73.2"]),
        "BT /F1 9 Tf 72 682 Td (Single) Tj ET ".to_string(),
        row(676, "", ["BM25 + DPR", "76.6", "79.8", "71.0"]),
        row(664, "", ["DPR", "79.4", "78.8", "75.0"]),
        "BT /F1 9 Tf 72 658 Td (Multi) Tj ET ".to_string(),
        row(652, "", ["BM25 + DPR", "78.0", "79.9", "74.7"]),
        "BT /F1 9 Tf 72 641 Td (Table 2: Top-20 accuracy on the test sets, as the share of passages that hold it.) Tj ET ".to_string(),
    ]
    .concat();
    let pdf = page(content.as_bytes(), "", &[]);
    assert_eq!(
        text_of(&pdf),
        "The model used in our experiments is trained in batches.\n\nNone\tBM25\t59.1\t66.9\t55.0\nZero\tDPR\t78.4\t79.4\t73.2\nSingle\n\tBM25 + DPR\t76.6\t79.8\t71.0\n\tDPR\t79.4\t78.8\t75.0\nMulti\n\tBM25 + DPR\t78.0\t79.9\t74.7\n\nTable 2: Top-20 accuracy on the test sets, as the share of passages that hold it.\n"
    );
}

#[test]
fn a_headings_numeral_set_apart_is_not_a_cell_though_a_caption_runs_under_it() {
    let pdf = page(
        b"BT /F1 12 Tf 72 740 Td (The survey of the units closed in May, and the replies were counted by the office) Tj 0 -14 Td (in the weeks after it, as each of the tables in this report shows below.) Tj 0 -40 Td (II.) Tj 36 0 Td (DEMOGRAPHIC BREAKOUT) Tj -36 -18 Td (Table 1: Demographic representation of the units that responded) Tj 0 -30 Td (The table shows who answered the survey in each unit.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "The survey of the units closed in May, and the replies were counted by the office in the weeks after it, as each of the tables in this report shows below.\n\nII. DEMOGRAPHIC BREAKOUT\n\nTable 1: Demographic representation of the units that responded\n\nThe table shows who answered the survey in each unit.\n"
    );
}

#[test]
fn a_page_of_many_marks_without_text_beside_many_letters_is_read_fast() {
    // Lines of marks without text, each under a line of words: looking for the letter each
    // mark stands under must not compare every mark with every glyph of the page.
    let mut content = String::new();
    for k in 0..400 {
        let y = 785 - (k % 100) * 7;
        let x = 10 + (k / 100) * 150;
        content.push_str(&format!(
            "BT /F2 3 Tf {x} {y} Td [{}] TJ ET BT /F1 3 Tf {x} {} Td ({}) Tj ET ",
            "(!) -200 ".repeat(60),
            y - 3,
            (0..12)
                .map(|j| format!("w{:04} ", k * 12 + j))
                .collect::<String>()
        ));
    }
    let pdf = with_unmapped_font(content.as_bytes());
    let started = Instant::now();
    let extracted = extract_pdf(&pdf);
    assert!(extracted.is_ok_and(|e| e.text.contains("w4799")));
    // A fraction of a second; comparing each mark with every glyph of the page took 16 s
    // (and hours on a page of a million glyphs).
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn marks_without_text_drawn_twice_for_a_bold_look_count_once() {
    // 30 marks without text, each drawn twice at its place, beside 33 letters: 30 of 63
    // glyphs have no text, not 60, and the page is read.
    let marks = "(!) -300 ".repeat(30);
    let content = format!(
        "BT /F2 12 Tf 72 700 Td [{marks}] TJ ET BT /F2 12 Tf 72 700 Td [{marks}] TJ ET BT /F1 12 Tf 72 660 Td (Forty letters make up this line of text.) Tj ET"
    );
    let pdf = with_unmapped_font(content.as_bytes());
    assert!(text_of(&pdf).contains("Forty letters make up this line of text."));
}

#[test]
fn a_note_going_on_under_the_next_pages_rule_in_the_texts_size_is_not_read_into_it() {
    // A court's notes are set in the text's size under a rule of dashes; the second note
    // goes on under the next page's rule, whose text stops inside a sentence that the
    // third page ends.
    let body = |y: i32, lines: &[&str]| {
        let mut s = format!("BT /F1 11 Tf 72 {y} Td");
        for (i, l) in lines.iter().enumerate() {
            if i > 0 {
                s.push_str(" 0 -13 Td");
            }
            s.push_str(&format!(" ({l}) Tj"));
        }
        s.push_str(" ET");
        s
    };
    let rule = |y: i32| format!("BT /F1 9 Tf 72 {y} Td (\\320\\320\\320\\320\\320\\320) Tj ET");
    let mark = |y: i32, n: &str| format!("BT /F1 7 Tf 72 {} Td ({n}) Tj ET", y + 4);
    let first = [
        body(
            700,
            &[
                "Justices Chase and Paterson said that their definitions tracked the",
                "commentaries, and the occasion for the distinction was a dispute over",
                "an estate, where only private rights are implicated.",
            ],
        ),
        rule(200),
        mark(180, "1"),
        body(
            180,
            &["  Crimes and misdemeanors were for these purposes synonymous."],
        ),
        mark(154, "2"),
        body(
            154,
            &[
                "  Professor Nelson has read the case along the same lines, and he has",
                "explained that the Justice",
            ],
        ),
    ]
    .join(" ");
    let second = [
        body(
            700,
            &[
                "The Clauses therefore prohibit retroactive laws that impose coercive",
                "penalties for public wrongs. If a law punishes a public wrong, then it",
                "is subject to the prohibitions of both of the Constitution's Ex Post Facto",
            ],
        ),
        rule(200),
        body(
            180,
            &[
                "and his colleagues may simply have meant laws that defined offenses,",
                "even if the penalties could be collected through civil suits (2003).",
            ],
        ),
    ]
    .join(" ");
    let third = body(
        700,
        &[
            "Clauses. If it changes merely private relations, such as the rules of",
            "contract or property or probate, then it is not, and the law stands.",
        ],
    );
    let text = text_of(&pages(&[
        first.as_bytes(),
        second.as_bytes(),
        third.as_bytes(),
    ]));
    assert!(
        text.contains("Ex Post Facto Clauses. If it changes merely private relations"),
        "{text}"
    );
    assert!(
        text.contains("explained that the Justice and his colleagues may simply have meant"),
        "{text}"
    );
}

#[test]
fn a_tables_notes_stay_under_it_when_the_next_pages_notes_start_with_a_key() {
    // Each page holds a table with its notes at the foot; the second page's notes start
    // with the key of its dash, which does not go on with the first page's last note.
    let table = |title: &str, rows: &[[&str; 4]], notes: &[&str]| {
        let mut s = format!("BT /F1 11 Tf 72 720 Td ({title}) Tj ET");
        for (i, row) in rows.iter().enumerate() {
            let y = 680 - 14 * i as i32;
            for (j, cell) in row.iter().enumerate() {
                let x = 72 + 110 * j as i32;
                s.push_str(&format!(" BT /F1 10 Tf {x} {y} Td ({cell}) Tj ET"));
            }
        }
        for (i, note) in notes.iter().enumerate() {
            let y = 120 - 10 * i as i32;
            s.push_str(&format!(" BT /F1 8 Tf 72 {y} Td ({note}) Tj ET"));
        }
        s
    };
    let first = table(
        "Table 17. Pupil/teacher ratios in public and private schools",
        &[
            ["Year", "Total", "Public", "Private"],
            ["2014", "15.1", "15.5", "12.4"],
            ["2015", "14.9", "15.2", "12.2"],
            ["2016", "14.8", "15.1", "12.1"],
            ["2017", "14.6", "14.9", "12.0"],
            ["2018", "14.4", "14.7", "11.9"],
            ["2019", "14.2", "14.5", "11.8"],
            ["2020", "14.1", "14.4", "11.7"],
            ["2021", "14.1", "14.4", "11.7"],
        ],
        &[
            "1 Private school numbers for alternate years are estimated.",
            "NOTE: The ratios were derived from tables 1 and 16.",
        ],
    );
    let second = table(
        "Table 18. Current expenditures per pupil in fall enrollment",
        &[
            ["Year", "Enrollment", "Total", "Per pupil"],
            ["2014", "46,510", "601.2", "12,110"],
            ["2015", "47,012", "610.9", "12,401"],
            ["2016", "47,540", "618.0", "12,652"],
            ["2017", "48,001", "625.4", "12,804"],
            ["2018", "48,410", "632.7", "12,930"],
            ["2019", "48,876", "639.8", "13,091"],
            ["2020", "49,276", "654.5", "13,283"],
            ["2021", "49,674", "665.5", "\\320"],
        ],
        &[
            "\\320 Not available: projections are not shown after 2015.",
            "1 Based on the price index for all urban consumers.",
        ],
    );
    let text = text_of(&pages(&[first.as_bytes(), second.as_bytes()]));
    let note = text
        .find("NOTE: The ratios")
        .expect("the first table's note");
    let title = text.find("Table 18.").expect("the second table's title");
    let key = text
        .find("— Not available")
        .expect("the second table's key");
    assert!(note < title && title < key, "{text}");
}

#[test]
fn superscripts_raised_half_a_line_stay_in_their_line() {
    // The exponents are set small and raised half the text's size, as a line of their own
    // would stand; the note number at the foot is raised at its note's start.
    let pdf = page(
        b"BT /F1 10 Tf 72 700 Td (After decoupling, the neutrinos relax only with the expansion of the) Tj 0 -12 Td (universe, and their number density today is n) Tj /F1 7 Tf 5.5 Ts ((0)) Tj /F1 10 Tf 0 Ts ( = 100 cm) Tj /F1 7 Tf 5.5 Ts (-3) Tj /F1 10 Tf 0 Ts (. Their) Tj 0 -12 Td (density has an upper bound, as they are fermions and obey the exclusion.) Tj ET \
BT /F1 7 Tf 72 105.5 Td (1) Tj /F1 9 Tf -0.5 Ts 4 -5.5 Td (The bound follows from the phase space of the halo.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.contains("today is n⁽⁰⁾ = 100 cm⁻³. Their density has an upper bound"),
        "{text}"
    );
    assert!(
        text.contains("\n1 The bound follows from the phase space of the halo."),
        "{text}"
    );
}

#[test]
fn an_exponent_raised_after_a_letter_reads_as_superscript_and_a_note_number_too() {
    // `n` to the `k` and `2` to the `n+1`; a note's number after a word's stop is raised
    // too, and an affiliation's mark stays a sign; a capital set large over three lines (a drop cap) does not raise the line beside it.
    let pdf = page(
        b"BT /F1 10 Tf 72 700 Td (The search tries n) Tj /F1 7 Tf 4 Ts (k) Tj /F1 10 Tf 0 Ts ( orders and at most 2) Tj /F1 7 Tf 4 Ts (n+1) Tj /F1 10 Tf 0 Ts ( states, as the study found.) Tj /F1 7 Tf 4 Ts (12) Tj /F1 10 Tf 0 Ts ( It ran for days, said Ann Smith) Tj /F1 7 Tf 4 Ts (+) Tj /F1 10 Tf 0 Ts (.) Tj ET \
BT /F1 30 Tf 72 600 Td (T) Tj /F1 10 Tf 0 Ts 0 20 Td (he council met on Monday and voted on the budget.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.contains("The search tries nᵏ orders and at most 2ⁿ⁺¹ states, as the study found.¹² It ran for days, said Ann Smith+."),
        "{text}"
    );
    assert!(text.contains("he council met on Monday"), "{text}");
}

#[test]
fn an_authors_affiliation_letters_raised_after_the_name_read_as_superscripts() {
    // A journal's byline: each name followed by its affiliations' letters, raised and set
    // small, commas between them; another's by figures, raised too.
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (Patrick Lane) Tj /F1 8 Tf 5 Ts (a,c,) Tj /F1 12 Tf 0 Ts (*, Alice Best) Tj /F1 8 Tf 5 Ts (b,c,d) Tj /F1 12 Tf 0 Ts (, Antje Theurer) Tj /F1 8 Tf 5 Ts (2,3) Tj /F1 12 Tf 0 Ts (.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.contains("Patrick Laneᵃ,ᶜ,*, Alice Bestᵇ,ᶜ,ᵈ, Antje Theurer²,³."),
        "{text}"
    );
}

#[test]
fn a_right_columns_top_beside_a_figure_heading_the_left_one_is_read_after_the_left_column() {
    // A journal page: a running head across both columns; a figure (no text) heads the
    // left column, whose caption and section come under it; the right column starts at
    // the top with the end of a sentence begun at the left column's foot.
    let mut s = String::from(
        "BT /F1 10 Tf 72 760 Td (Lane et al. / Journal of Hydrology 310 \\(2005\\) 253-265 / a running head set across the page) Tj ET ",
    );
    let right_top = [
        "the magnitude of change in zero flow days",
        "due to afforestation, and S describes the",
        "shape of the response for the average",
        "climate condition, when it is reached.",
    ];
    for (k, line) in right_top.iter().enumerate() {
        s.push_str(&format!(
            "BT /F1 10 Tf 320 {} Td ({line}) Tj ET ",
            735 - 12 * k
        ));
    }
    s.push_str("BT /F1 10 Tf 320 660 Td (2.3. Statistical analyses) Tj ET ");
    let right = [
        "The coefficient of efficiency was used",
        "as the goodness of fit measure to judge",
        "the fit between observed and predicted",
        "flow deciles and zero flow days. E is",
        "given by the ratio of the mean square",
        "error to the variance of the data seen.",
        "It is important to assess the meaning",
        "of the model parameters to check that",
        "rainfall and forest age are what drive",
        "the changes in the flow duration curve.",
        "The model was split into simpler forms",
        "where only the rainfall or time terms",
        "were kept, and each of them was tested",
        "against the complete model of the flow.",
    ];
    for (k, line) in right.iter().enumerate() {
        s.push_str(&format!(
            "BT /F1 10 Tf 320 {} Td ({line}) Tj ET ",
            630 - 12 * k
        ));
    }
    let left = [
        "Fig. 2. Schematic of the change in the FDC.",
        "2.2. Zero flow day analysis",
        "A notable feature of Fig. 1 is the rise in",
        "the number of zero flow days. A similar",
        "approach was used to assess the impact of",
        "afforestation on the number of zero flow",
        "days per year. For the average condition",
        "the number equals a, and Y gives",
    ];
    for (k, line) in left.iter().enumerate() {
        s.push_str(&format!(
            "BT /F1 10 Tf 72 {} Td ({line}) Tj ET ",
            520 - 14 * k
        ));
    }
    let pdf = hayro_interpret::hayro_syntax::Pdf::new(page(s.as_bytes(), "", &[])).unwrap();
    let glyphs = super::pdf_glyphs::collect_page(
        &pdf.pages()[0],
        1,
        super::pdf_glyphs::Turn::Upright,
        (Instant::now() + Duration::from_secs(60), u64::MAX),
        &mut super::pdf_lookalikes::FontShapes::new(),
    );
    let lines = lines_read(&glyphs);
    let at = |t: &str| {
        lines
            .iter()
            .position(|l| l.starts_with(t))
            .unwrap_or_else(|| panic!("{t}: {lines:#?}"))
    };
    // The left column, then the right one from its top.
    assert!(at("Fig. 2.") < at("the magnitude of change"), "{lines:#?}");
    assert!(
        at("the number equals a, and Y gives") < at("the magnitude of change"),
        "{lines:#?}"
    );
    assert!(
        at("climate condition") < at("2.3. Statistical"),
        "{lines:#?}"
    );
    assert!(at("2.3. Statistical") < at("The coefficient"), "{lines:#?}");
}

#[test]
fn a_list_of_references_in_two_columns_is_read_column_by_column_entry_by_entry() {
    // The left column's entries [1]–[6] hang their second lines; the right column holds
    // [7]–[8], short entries level with the left column's first lines.
    let left = [
        (
            54,
            "[1] Hu W., Barkana R., and Gruzinov A. Phys. Rev. 85, 1158 -",
        ),
        (68, "1161 (2000), [astro-ph/0003365]."),
        (
            54,
            "[2] Matos T., and Guzman F. Class. Quant. Grav. 17, L9-",
        ),
        (68, "L16 (2000), [gr-qc/9810028]."),
        (54, "[3] Matos T., Guzman F., and Urena-Lopez L. A."),
        (68, "Class. Quant. Grav. 17, 1707 (2000)."),
        (54, "[4] Lee J. and Koh I. Phys. Rev. D 53, 2236 - 2239"),
        (68, "(1996), [hep-ph/9507385]."),
        (
            54,
            "[5] Dodelson S. Modern Cosmology (Academic Press, 2003).",
        ),
        (
            54,
            "[6] Kolb E. W. and Turner M. S. The Early Universe (Addison-",
        ),
        (68, "Wesley, 1990)."),
    ];
    let mut content = String::new();
    for (i, (x, text)) in left.iter().enumerate() {
        let y = 400 - 11 * i as i32;
        let text = text.replace('(', "\\(").replace(')', "\\)");
        content.push_str(&format!("BT /F1 9 Tf {x} {y} Td ({text}) Tj ET "));
    }
    for (x, y, text) in [
        (340, 400, "[7] Urena-Lopez L."),
        (354, 389, "CQG 19, 2617."),
        (340, 378, "[8] Seljak U."),
        (354, 367, "ApJ 469, 437."),
    ] {
        content.push_str(&format!("BT /F1 9 Tf {x} {y} Td ({text}) Tj ET "));
    }
    let text = text_of(&page(content.as_bytes(), "", &[]));
    for entry in [
        "[1] Hu W., Barkana R., and Gruzinov A. Phys. Rev. 85, 1158 - 1161 (2000), [astro-ph/0003365].\n",
        "[2] Matos T., and Guzman F. Class. Quant. Grav. 17, L9-L16 (2000), [gr-qc/9810028].\n",
        "[3] Matos T., Guzman F., and Urena-Lopez L. A. Class. Quant. Grav. 17, 1707 (2000).\n",
        "[4] Lee J. and Koh I. Phys. Rev. D 53, 2236 - 2239 (1996), [hep-ph/9507385].\n",
        "[5] Dodelson S. Modern Cosmology (Academic Press, 2003).\n",
        "[6] Kolb E. W. and Turner M. S. The Early Universe (Addison-Wesley, 1990).\n",
        "[7] Urena-Lopez L. CQG 19, 2617.\n",
        "[8] Seljak U. ApJ 469, 437.\n",
    ] {
        assert!(text.contains(entry), "{entry}\n{text}");
    }
    assert!(text.find("[6]") < text.find("[7]"), "{text}");
}

#[test]
fn a_heading_over_groups_of_columns_stands_in_the_first_column_of_its_group() {
    let mut content = String::from(
        "BT /F1 9 Tf 205 700 Td (Constant 2010 dollars) Tj ET BT /F1 9 Tf 350 700 Td (Current dollars) Tj ET ",
    );
    let rows: [[&str; 5]; 5] = [
        ["School year", "Total", "Per pupil", "Total", "Per pupil"],
        ["1996-97", "$375.9", "$8,242", "$270.2", "$5,923"],
        ["1997-98", "390.2", "8,460", "285.5", "6,189"],
        ["1998-99", "407.0", "8,745", "302.9", "6,508"],
        ["1999-2000", "423.0", "9,028", "323.9", "6,912"],
    ];
    for (i, row) in rows.iter().enumerate() {
        let y = 688 - 12 * i as i32;
        for (x, cell) in [72, 200, 260, 340, 400].iter().zip(row) {
            content.push_str(&format!("BT /F1 9 Tf {x} {y} Td ({cell}) Tj ET "));
        }
    }
    let text = text_of(&page(content.as_bytes(), "", &[]));
    assert!(
        text.starts_with("\tConstant 2010 dollars\t\tCurrent dollars\nSchool year\tTotal\tPer pupil\tTotal\tPer pupil\n1996-97\t$375.9"),
        "{text}"
    );
}

/// A grid of a state's three districts and their cases, the state's cell reaching over the
/// three rows (the rules between the districts stop at its edge), its name's two lines set
/// at the heights given.
fn state_grid(madhya: f32, pradesh: f32) -> Vec<u8> {
    let mut content = String::new();
    let text = |x: f32, y: f32, s: &str| format!("BT /F1 9 Tf 1 0 0 1 {x} {y} Tm ({s}) Tj ET\n");
    for (x, s) in [(75.0, "State"), (153.0, "District"), (253.0, "Cases")] {
        content.push_str(&text(x, 690.0, s));
    }
    for (i, (district, cases)) in [("Betul", "29"), ("Morena", "15"), ("Shivpuri", "5")]
        .iter()
        .enumerate()
    {
        let y = 668.0 - 20.0 * i as f32;
        content.push_str(&text(153.0, y, district));
        content.push_str(&text(253.0, y, cases));
    }
    content.push_str(&text(75.0, madhya, "Madhya"));
    content.push_str(&text(75.0, pradesh, "Pradesh"));
    for (x0, y) in [(72, 700), (72, 680), (150, 660), (150, 640), (72, 620)] {
        content.push_str(&format!("{x0} {y} m 330 {y} l S\n"));
    }
    for x in [72, 150, 250, 330] {
        content.push_str(&format!("{x} 700 m {x} 620 l S\n"));
    }
    page(content.as_bytes(), "", &[])
}

#[test]
fn a_grid_cell_over_several_rows_is_read_in_the_first_of_them() {
    // The state's name set halfway down over two lines.
    assert_eq!(
        text_of(&state_grid(653.0, 643.0)),
        "State\tDistrict\tCases\nMadhya Pradesh\tBetul\t29\n\tMorena\t15\n\tShivpuri\t5\n"
    );
}

#[test]
fn a_grid_cell_over_two_rows_is_written_once_when_its_lines_stand_on_their_rows() {
    // Each line of the state's name on a district row's baseline: the second line is the
    // cell's, not the second row's.
    let text = text_of(&state_grid(668.0, 648.0));
    assert_eq!(text.matches("Pradesh").count(), 1, "{text}");
    assert!(text.contains("\tMorena\t15\n"), "{text}");
}

#[test]
fn a_justified_line_stretched_wide_with_wider_spaces_after_its_stops_is_prose() {
    // Courier, 6 points a letter at 10 points: the note's lines are stretched before a long
    // address that did not fit, their spaces as wide as cells and wider still after `:` and
    // `.`.
    let mut content = String::new();
    let mut line = |y: i32, words: &[&str], x0: f32, space: f32| {
        let mut x = x0;
        for w in words {
            content.push_str(&format!("BT /F1 10 Tf 1 0 0 1 {x} {y} Tm ({w}) Tj ET\n"));
            let stop = w.ends_with([':', '.']);
            x += 6.0 * w.len() as f32 + if stop { 1.8 * space } else { space };
        }
    };
    line(
        700,
        &["The", "note", "reads", "as", "the", "page", "sets", "it."],
        72.0,
        6.0,
    );
    line(
        160,
        &[
            "Estimated",
            "on",
            "the",
            "basis",
            "of",
            "Bundesbank",
            "(2009):",
            "Geldvermoegen",
            "und",
        ],
        72.0,
        13.0,
    );
    line(
        148,
        &[
            "Verbindlichkeiten",
            "der",
            "privaten",
            "Haushalte.",
            "Tabelle",
            "aus",
            "der",
            "Rechnung;",
        ],
        72.0,
        13.0,
    );
    line(
        136,
        &["http://www.bundesbank.de/statistik/tabellen.php"],
        72.0,
        6.0,
    );
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>".to_vec(),
        stream("", content.as_bytes()),
    ];
    let text = text_of(&build(&objects));
    assert!(
        text.contains("Estimated on the basis of Bundesbank (2009): Geldvermoegen und Verbindlichkeiten der privaten Haushalte. Tabelle aus der Rechnung; http://"),
        "{text}"
    );
}

#[test]
fn line_numbers_down_the_margin_of_pleading_paper_are_left_out() {
    // Two pages numbered 1 to 28 down the left margin, the text double-spaced on every
    // other number; the text's own figures stay.
    let sentences = [
        "The parties dispute whether the advice of in-house counsel is protected",
        "from disclosure by the privilege when it appears in business documents.",
        "Plaintiffs filed 12 motions, and the Court held that the legal advice remains",
        "protected by the privilege where its purpose was primarily legal.",
        "The Court therefore grants the motion in part and denies it in part.",
    ];
    let page_of = |lines: &[&str]| {
        let mut s = String::new();
        for n in 1..=28 {
            let y = 740 - 24 * (n - 1);
            s.push_str(&format!("BT /F1 12 Tf 40 {y} Td ({n}) Tj ET "));
        }
        for (i, line) in lines.iter().enumerate() {
            let y = 740 - 48 * i as i32;
            s.push_str(&format!("BT /F1 12 Tf 90 {y} Td ({line}) Tj ET "));
        }
        s
    };
    let first = page_of(&sentences[..3]);
    let second = page_of(&sentences[3..]);
    let text = text_of(&pages(&[first.as_bytes(), second.as_bytes()]));
    assert!(
        text.contains("the legal advice remains protected by the privilege where"),
        "{text}"
    );
    assert!(text.contains("Plaintiffs filed 12 motions"), "{text}");
    assert!(!text.contains('\t'), "{text}");
    assert!(!text.contains(" 28"), "{text}");
}

#[test]
fn a_rows_label_going_on_under_it_stays_in_the_table() {
    // A label wrapped under its row, set in and closer than the rows: the table goes on
    // (one block of rows), not a paragraph between two tables.
    let c = "BT /F1 8 Tf 1 0 0 1 55 700 Tm ((ii) Net Forex Purchases) Tj 1 0 0 1 300 700 Tm (-2,91,233) Tj 1 0 0 1 380 700 Tm (802) Tj ET \
BT /F1 8 Tf 1 0 0 1 55 685.5 Tm ((iii) GoI Cash Balances) Tj 1 0 0 1 300 685.5 Tm (93,729) Tj 1 0 0 1 380 685.5 Tm (1,02,940) Tj ET \
BT /F1 8 Tf 1 0 0 1 69 675.5 Tm ([build-up / drawdown]) Tj ET \
BT /F1 8 Tf 1 0 0 1 55 661 Tm ((iv) Excess Reserves) Tj 1 0 0 1 300 661 Tm (816) Tj 1 0 0 1 380 661 Tm (-13,245) Tj ET";
    let text = text_of(&page(c.as_bytes(), "", &[]));
    assert!(
        text.contains("(iii) GoI Cash Balances\t93,729\t1,02,940\n[build-up / drawdown]\n(iv) Excess Reserves\t816\t-13,245\n"),
        "{text}"
    );
}

#[test]
fn a_tables_row_of_codes_at_even_gaps_keeps_its_cells() {
    // Rows of a number, a count, two parties' letters and a name: the rows whose gaps
    // happen to be even are rows all the same, not a justified line of words.
    let rows = [
        ("106", "557", "R", "R", "Clinton"),
        ("107", "505", "R", "D", "Bush"),
        ("108", "607", "R", "R", "Bush"),
        ("111", "965", "D", "D", "Obama"),
    ];
    let mut c = String::new();
    for (k, (a, b, h, s, p)) in rows.iter().enumerate() {
        let y = 700 - 14 * k as i32;
        c.push_str(&format!(
            "BT /F1 11 Tf 1 0 0 1 335.3 {y} Tm ({a}) Tj 1 0 0 1 381.9 {y} Tm ({b}) Tj 1 0 0 1 426.8 {y} Tm ({h}) Tj 1 0 0 1 464.6 {y} Tm ({s}) Tj 1 0 0 1 502.5 {y} Tm ({p}) Tj ET\n"
        ));
    }
    let text = text_of(&page(c.as_bytes(), "", &[]));
    assert!(
        text.contains("107\t505\tR\tD\tBush\n108\t607\tR\tR\tBush\n"),
        "{text}"
    );
}

#[test]
fn a_heading_that_fills_its_column_over_a_gap_is_no_sections_end() {
    // Two columns; the left one holds a heading as wide as the column, with more space
    // under it; the right one runs on through the same height at its own spacing. The
    // left column is read to its end, then the right one: no sentence is made of the
    // left column's last line and the right column's second half.
    let left = [
        (316.8, "above their targets as Chart 3 shows, and yet the"),
        (335.1, "easing cycle went on across most of the countries."),
        (361.9, "The Operating Framework and Liquidity Control"),
        (388.6, "In view of the pressures arising mainly from the"),
        (406.9, "volatile flows of capital and from an increase in"),
        (425.2, "the currency in circulation during the year, the"),
        (443.5, "central bank took several steps to add liquidity"),
        (461.8, "including term repo, open market operations and"),
        (480.1, "long-term swaps and a cut in the reserve ratio."),
        (498.3, "The central bank also"),
    ];
    let right = [
        (316.8, "reviewed its framework for managing liquidity"),
        (333.3, "against the backdrop of the structural changes"),
        (349.8, "in the financial system, among them payments"),
        (366.3, "made at all hours and the release of funds for"),
        (382.8, "schemes the centre sponsors. The review kept"),
        (399.3, "the weighted average call rate as the target of"),
        (415.8, "its monetary policy, and a corridor of fifty basis"),
        (432.3, "points around the policy rate. The auctions of"),
        (448.8, "fourteen days were stopped as the main way of"),
        (465.3, "managing the liquidity of the banks, and passing"),
        (481.8, "changes in liquidity were to be managed by the"),
        (498.3, "operations of the fine-tuning window instead."),
    ];
    let mut c = String::new();
    for (x, lines) in [(52.3, &left[..]), (318.7, &right[..])] {
        for (baseline, t) in lines {
            c.push_str(&format!(
                "BT /F1 11 Tf {x} {} Td ({t}) Tj ET\n",
                792.0 - baseline
            ));
        }
    }
    let text = text_of(&page(c.as_bytes(), "", &[]));
    assert!(
        text.contains("The central bank also reviewed its framework for managing liquidity"),
        "{text}"
    );
    assert!(
        text.contains("release of funds for schemes the centre sponsors."),
        "{text}"
    );
    assert!(!text.contains("Control reviewed"), "{text}");
}

#[test]
fn a_year_at_a_lines_start_goes_on_with_its_sentence_or_reference() {
    // A citation's year in brackets, a reference's year under its authors in its hanging
    // indent: neither is a list's number.
    let pdf = page(
        b"BT /F1 10 Tf 72 700 Td (Earlier work chose the pairs of entities by hand, as in the) Tj 0 -12 Td (survey by Ravichandran and Hovy, 2002. Hasegawa et al.) Tj 0 -12 Td (\\(2004\\) tried to extract relations of many kinds at once.) Tj ET \
BT /F1 10 Tf 72 600 Td (Takaaki Hasegawa, Satoshi Sekine, and Ralph Grishman.) Tj 10 -12 Td (2004. Discovering relations among named entities from) Tj 0 -12 Td (large corpora. In Proceedings of ACL.) Tj -10 -12 Td (Kiyoshi Sudo, Satoshi Sekine, and Ralph Grishman.) Tj 10 -12 Td (2003. An improved extraction pattern representation.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.contains("Hasegawa et al. (2004) tried to extract"),
        "{text}"
    );
    assert!(
        text.contains("and Ralph Grishman. 2004. Discovering relations"),
        "{text}"
    );
    assert!(
        text.contains("and Ralph Grishman. 2003. An improved"),
        "{text}"
    );
}

#[test]
fn references_set_with_hanging_indents_are_an_entry_each() {
    // Each entry's first line at the column's edge, its next lines set in; each entry's
    // last line runs nearly to the column's edge, where the next entry's first word would
    // not have fitted.
    let lines = [
        (72, "Alice Smith, Bob Jones, Carol White and Dan Brown."),
        (82, "2006. Votes the clerk did not record, and a bias"),
        (82, "they bring to studies of the roll calls, 1-20."),
        (72, "Carol White, Dan Brown, and Erin Green. 2008. Seen"),
        (82, "and unseen votes: a theory of the selection of all"),
        (82, "roll calls. Legislative Studies Journal 33:1-9."),
        (72, "Frank Hall and Grace Lee. 2004. The analysis of a"),
        (82, "thousand roll calls. Political Review 98:355-370."),
    ];
    let mut content = String::new();
    for (k, (x, t)) in lines.iter().enumerate() {
        let y = 700 - 12 * k as i32;
        content.push_str(&format!("BT /F1 10 Tf {x} {y} Td ({t}) Tj ET\n"));
    }
    let text = text_of(&courier_page(&content));
    assert!(
        text.contains("roll calls, 1-20.\n\nCarol White, Dan Brown"),
        "{text}"
    );
    assert!(text.contains("Journal 33:1-9.\n\nFrank Hall"), "{text}");
}

#[test]
fn a_paragraph_of_one_line_set_in_like_the_next_paragraphs_first_line_ends_there() {
    // A justice's line, indented as each paragraph's first line is and stopping short of
    // the justified column's edge by less than the next line's first word; the opinion's
    // first paragraph under it, its first line as far in.
    let pdf = page(
        b"BT /F1 11 Tf 83 700 Td (JUSTICE BARRETT delivered the opinion for the whole Court.) Tj 0.798 Tw 0 -14 Td (The Bankruptcy Code strikes a balance between the interests of) Tj 0.46 Tw -11 -14 Td (insolvent debtors and their creditors. It generally allows the debtors) Tj 2.307 Tw 0 -14 Td (to discharge all of the liabilities they had before the bankruptcy.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.starts_with(
            "JUSTICE BARRETT delivered the opinion for the whole Court.\n\nThe Bankruptcy Code"
        ),
        "{text}"
    );
}

#[test]
fn a_tables_title_repeated_over_each_of_its_pages_stays() {
    // Seven pages under one running head: a table of loans over pages 2 and 3, one of
    // deposits over pages 4 to 6, each page headed by its table's title.
    let table = |title: &str, first: usize| {
        let mut s = format!(
            "BT /F1 9 Tf 72 760 Td (H.8 Release) Tj ET BT /F1 9 Tf 72 745 Td ({title}) Tj ET "
        );
        for n in 0..12 {
            let y = 720 - 14 * n as i32;
            s.push_str(&format!(
                "BT /F1 9 Tf 72 {y} Td (Bank {k}) Tj 180 0 Td ({a}.5) Tj 80 0 Td ({b}.0) Tj ET ",
                k = first + n,
                a = 100 + n,
                b = 200 + n,
            ));
        }
        s
    };
    let first = "BT /F1 9 Tf 72 760 Td (H.8 Release) Tj ET BT /F1 12 Tf 72 700 Td (The tables that follow give the assets of the banks, week by week.) Tj ET".to_owned();
    let loans = "Loans of Commercial Banks, billions of dollars";
    let deposits = "Deposits of Small Banks, billions of dollars";
    let all = [
        first,
        table(loans, 1),
        table(loans, 13),
        table(deposits, 1),
        table(deposits, 13),
        table(deposits, 25),
        "BT /F1 9 Tf 72 760 Td (H.8 Release) Tj ET BT /F1 12 Tf 72 700 Td (Notes: the figures are billions of dollars, seasonally adjusted.) Tj ET".to_owned(),
    ];
    let contents: Vec<&[u8]> = all.iter().map(|p| p.as_bytes()).collect();
    let text = text_of(&pages(&contents));
    assert_eq!(text.matches(loans).count(), 2, "{text}");
    assert_eq!(text.matches(deposits).count(), 3, "{text}");
    assert!(!text.contains("H.8"), "{text}");
    assert!(
        text.contains(&format!("{deposits}\n\nBank 1\t100.5\t200.0\n")),
        "{text}"
    );
}

#[test]
fn numbers_down_the_margin_that_label_a_tables_rows_stay() {
    // Two pages of a statistical table, each row numbered from 1 at its left (the notes
    // under it cite the rows by number): the numbers are the table's, not a pleading's.
    let page_of = |first: usize| {
        let mut s = String::new();
        for n in 1..=14 {
            let y = 740 - 14 * (n as i32 - 1);
            let label = format!("Loans of kind {}", first + n);
            s.push_str(&format!(
                "BT /F1 9 Tf 40 {y} Td ({n}) Tj 30 0 Td ({label}) Tj 170 0 Td ({a}.5) Tj 60 0 Td ({b}.0) Tj 60 0 Td (1,{c}.2) Tj ET ",
                a = 100 + n,
                b = 200 + n,
                c = 300 + n,
            ));
        }
        s
    };
    let (first, second) = (page_of(0), page_of(14));
    let text = text_of(&pages(&[first.as_bytes(), second.as_bytes()]));
    assert!(
        text.contains("1\tLoans of kind 1\t101.5\t201.0\t1,301.2\n"),
        "{text}"
    );
    assert!(
        text.contains("14\tLoans of kind 28\t114.5\t214.0\t1,314.2\n"),
        "{text}"
    );
}

#[test]
fn figures_raised_after_a_figure_read_as_superscripts_not_another_number() {
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (The incident occurred between January 1, 1900) Tj /F1 8 Tf 5.5 Ts (23) Tj /F1 12 Tf 0 Ts ( and December 31, 2008, in a mass of 10) Tj /F1 8 Tf 5 Ts (9) Tj /F1 12 Tf 0 Ts ( suns.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "The incident occurred between January 1, 1900²³ and December 31, 2008, in a mass of 10⁹ suns.\n"
    );
}

#[test]
fn a_drop_capital_is_its_paragraphs_first_letter() {
    // `S` set large on the third line's baseline, beside the first three lines.
    let pdf = page(
        b"BT /F1 11 Tf 72 760 Td (The journal prints its abstract first, in a single column of text.) Tj ET \
BT /F1 50 Tf 72 672 Td (S) Tj ET \
BT /F1 11 Tf 107 700 Td (calable quantum computation is one of the great goals of the) Tj ET \
BT /F1 11 Tf 107 686 Td (physics of our time, and towards that goal trapped ions are) Tj ET \
BT /F1 11 Tf 107 672 Td (among the platforms most often named for building a large) Tj ET \
BT /F1 11 Tf 72 658 Td (machine that computes with many ions at once in one trap.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "The journal prints its abstract first, in a single column of text.\n\nScalable quantum computation is one of the great goals of the physics of our time, and towards that goal trapped ions are among the platforms most often named for building a large machine that computes with many ions at once in one trap.\n"
    );
}

#[test]
fn an_address_broken_in_a_margin_column_reads_whole() {
    // A journal's first page: a narrow margin column of dates and an address at the left,
    // the article's text beside it; the next page's text starts a paragraph of its own.
    let lines: [(&str, f32); 14] = [
        ("OPEN", 90.0),
        ("SUBJECT AREAS:", 54.0),
        ("QUANTUM", 82.0),
        ("INFORMATION", 68.0),
        ("Received", 88.0),
        ("3 November 2014", 56.0),
        ("Accepted", 87.0),
        ("23 January 2015", 60.0),
        ("Correspondence and", 48.6),
        ("requests for materials", 48.4),
        ("should be addressed to", 42.9),
        ("S.-T.W. \\(wangst@", 59.7),
        ("umich.edu\\)", 82.7),
        ("", 0.0),
    ];
    let mut margin = String::new();
    for (k, (line, x)) in lines.iter().enumerate().filter(|(_, (l, _))| !l.is_empty()) {
        margin.push_str(&format!(
            "BT /F1 8 Tf {x} {:.1} Td ({line}) Tj ET ",
            705.0 - 12.2 * k as f32
        ));
    }
    let mut first = margin.into_bytes();
    for k in 0..12 {
        first.extend_from_slice(
            format!(
                "BT /F1 10 Tf 150 {} Td (Scalable quantum computation is one of the goals of physics and the ions) Tj ET ",
                700 - 13 * k
            )
            .as_bytes(),
        );
    }
    first.extend_from_slice(b"BT /F1 10 Tf 150 544 Td (are a platform for it.) Tj ET");
    let second = b"BT /F1 10 Tf 72 700 Td (A generic quadrupole Paul trap can be formed by electrodes with a hyperbolic) Tj 0 -13 Td (cross-section, and its potential is written as a sum of two parts.) Tj ET";
    let text = text_of(&pages(&[&first, second]));
    assert!(text.contains("(wangst@umich.edu)"), "{text}");
    assert!(!text.contains("umich.edu) A generic"), "{text}");
}

#[test]
fn a_notes_number_raised_after_a_years_stop_is_no_decimal() {
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (Interrogatories were served on November 30, 2018.) Tj /F1 8 Tf 5 Ts (6) Tj /F1 12 Tf 0 Ts ( Answers came on January 24, 2019,) Tj /F1 8 Tf 5 Ts (7) Tj /F1 12 Tf 0 Ts ( late.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "Interrogatories were served on November 30, 2018.\u{2076} Answers came on January 24, 2019,\u{2077} late.\n"
    );
}

#[test]
fn a_compound_split_at_its_hyphen_keeps_it_before_a_notes_number() {
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (Of the degree-granting institutions in the survey, 4,314 were degree-) Tj 0 -14 Td (granting9 and 2,222 were not, as the statistics of the year record.) Tj ET",
        "",
        &[],
    );
    assert!(
        text_of(&pdf).contains("4,314 were degree-granting9 and"),
        "{}",
        text_of(&pdf)
    );
}

#[test]
fn a_ruled_table_set_beside_prose_is_read_apart_from_it() {
    // Full lines over and under a band where the prose runs beside a ruled table with its
    // caption over it; the prose's sentence goes on under the band.
    let mut c = String::new();
    let mut text = |x: i32, y: f32, size: i32, s: &str| {
        c.push_str(&format!("BT /F1 {size} Tf {x} {y} Td ({s}) Tj ET\n"));
    };
    text(
        72,
        720.0,
        12,
        "The youngest enrolled students were reported to be fourteen years of age.",
    );
    let beside = [
        "The majority of the enrolled students attended",
        "larger colleges and universities, and campuses",
        "with ten thousand students or more were only",
        "twelve percent of the institutions; however,",
        "they enrolled 55 percent of all the students.",
        "By comparison, forty percent of institutions",
        "had fewer than one thousand students, and",
    ];
    for (i, line) in beside.iter().enumerate() {
        text(72, 692.0 - 14.0 * i as f32, 12, line);
    }
    text(
        72,
        594.0,
        12,
        "these enrolled only four percent of all of the students in the country.",
    );
    text(
        72,
        580.0,
        12,
        "Employees of the institutions numbered 3.6 million in the fall of 2007.",
    );
    text(405, 692.0, 10, "Table 1: Enrollment");
    let rows = [
        ["Age", "Number", "%"],
        ["14-17", "231", "1.3"],
        ["18-19", "3,769", "21.2"],
        ["20-21", "3,648", "20.5"],
        ["22-24", "3,193", "18.0"],
    ];
    for (r, row) in rows.iter().enumerate() {
        let y = 672.0 - 14.0 * r as f32;
        for (x, cell) in [405, 455, 505].iter().zip(row) {
            text(*x, y, 10, cell);
        }
    }
    for r in 0..=5 {
        let y = 684 - 14 * r;
        c.push_str(&format!("400 {y} m 545 {y} l S\n"));
    }
    for x in [400, 450, 500, 545] {
        c.push_str(&format!("{x} 684 m {x} 614 l S\n"));
    }
    let text = text_of(&page(c.as_bytes(), "", &[]));
    for prose in [
        "The majority of the enrolled students attended larger colleges and universities",
        "By comparison, forty percent of institutions had fewer than one thousand students, and these enrolled only four percent",
    ] {
        assert!(text.contains(prose), "{prose}\n{text}");
    }
    assert!(
        text.contains("\n\nTable 1: Enrollment\n\nAge\tNumber\t%\n14-17\t231\t1.3\n"),
        "{text}"
    );
}

#[test]
fn a_running_head_in_capitals_over_a_sentence_going_on_waits_for_its_end() {
    // The head is printed on every other page, so it repeats nowhere in a short excerpt.
    let pdf = pages(&[
        b"BT /F1 10 Tf 72 700 Td (In FY 2011, the attorneys received 387 referrals. In FY 2010, they) Tj 0 -12 Td (received 402 intellectual) Tj ET",
        b"BT /F1 9 Tf 150 750 Td (2011 ANNUAL REPORT ON INTELLECTUAL PROPERTY ENFORCEMENT) Tj ET BT /F1 10 Tf 72 716 Td (property referrals, and they charged 177 cases with 259 defendants.) Tj ET",
    ]);
    let text = text_of(&pdf);
    assert!(
        text.contains("received 402 intellectual property referrals, and they charged"),
        "{text}"
    );
}

#[test]
fn footnotes_part_at_their_numbers_and_keep_a_page_cited_over_a_line_end() {
    // Courier, every line of the notes as wide as the others: note 12 starts on the line
    // after note 11's full last line; note 17 cites a page over a line's end; note 19's
    // number is set small and raised, hanging in the margin before its text.
    let full = |s: &str| format!("{s:<80}");
    let body = "BT /F1 11 Tf 72 700 Td (The students enrolled in the fall were counted by age and by sex.) Tj ET";
    let notes = [
        (
            180.0,
            full("11 Table 186. Enrollment, staff, and degrees conferred in the institutions, by"),
        ),
        (
            170.0,
            full("type and control of institution and by sex of student. The Digest, p. 276."),
        ),
        (
            160.0,
            full("12 These numbers may not equal the 17.8 million shown due to rounding, as the"),
        ),
        (150.0, "tables of the Digest say.".to_owned()),
        (
            140.0,
            full("17 Department of Education. (2005). The handbook for campus crime reporting, p."),
        ),
        (130.0, "11. Retrieved September 25, 2008.".to_owned()),
    ];
    let mut content = String::from(body);
    for (y, text) in &notes {
        content.push_str(&format!(
            " BT /F1 9 Tf 72 {y} Td ({}) Tj ET",
            text.trim_end()
        ));
    }
    content.push_str(" BT /F1 6 Tf 72 114.5 Td (19) Tj ET BT /F1 9 Tf 81 110 Td (These numbers may not equal the 0.1 percent shown.) Tj ET");
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>".to_vec(),
        stream("", content.as_bytes()),
    ];
    let text = text_of(&build(&objects));
    for part in [
        "The Digest, p. 276.\n\n12 These numbers",
        "campus crime reporting, p. 11. Retrieved September 25, 2008.",
        "\n\n19 These numbers may not equal the 0.1 percent shown.",
    ] {
        assert!(text.contains(part), "{part}\n{text}");
    }
}

#[test]
fn a_row_label_set_over_two_lines_around_its_values_is_one_cell() {
    let mut c = String::new();
    let mut row = |y: f32, cells: &[&str]| {
        for (x, cell) in [72, 220, 290, 360].iter().zip(cells) {
            if !cell.is_empty() {
                c.push_str(&format!("BT /F1 10 Tf {x} {y} Td ({cell}) Tj ET\n"));
            }
        }
    };
    row(700.0, &["District Totals", "FY 2009", "FY 2010", "FY 2011"]);
    row(682.0, &["Investigative Matters"]);
    row(675.0, &["", "285", "402", "387"]);
    row(668.0, &["Received by AUSAs"]);
    row(650.0, &["Defendants Charged", "235", "259", "215"]);
    row(632.0, &["Cases Charged", "173", "177", "168"]);
    let text = text_of(&page(c.as_bytes(), "", &[]));
    assert!(
        text.contains(
            "\nInvestigative Matters Received by AUSAs\t285\t402\t387\nDefendants Charged\t235"
        ),
        "{text}"
    );
}

#[test]
fn boxed_tables_side_by_side_with_level_rows_are_each_read_whole() {
    // A bulletin's lists of areas in four boxes, a few points apart, their rows level:
    // each box reads whole, left first, not row by row across the page.
    let rows = |names: &[(&'static str, &'static str)]| -> Vec<Vec<Vec<&'static str>>> {
        std::iter::once(vec![vec!["Area"], vec!["Cases"]])
            .chain(names.iter().map(|(n, c)| vec![vec![*n], vec![*c]]))
            .collect()
    };
    let left = ruled_table(
        700.0,
        &[72.0, 150.0, 190.0],
        &rows(&[
            ("Colombo", "65"),
            ("Gampaha", "58"),
            ("Kalutara", "43"),
            ("Matara", "30"),
        ]),
    );
    let right = ruled_table(
        700.0,
        &[196.0, 274.0, 314.0],
        &rows(&[("Galle", "78"), ("Kandy", "133")]),
    );
    let mut content = left;
    content.extend_from_slice(&right);
    let text = text_of(&page(&content, "", &[]));
    assert!(
        text.contains("Area\tCases\nColombo\t65\nGampaha\t58\nKalutara\t43\nMatara\t30\n"),
        "{text}"
    );
    assert!(
        text.contains("Area\tCases\nGalle\t78\nKandy\t133"),
        "{text}"
    );
    assert!(text.find("Matara") < text.find("Galle"), "{text}");
}

#[test]
fn two_tables_ruled_across_side_by_side_are_read_one_after_the_other() {
    let left = table_with_rules(
        700.0,
        &[72.0, 150.0, 250.0],
        &[
            vec![
                vec!["cravatta (tie)", "velluto (velvet)", "giacca (jacket)"],
                vec!["nero (black)", "bianco (white)", "giallo (yellow)"],
            ],
            vec![
                vec!["alleanza (ally)", "legame (bond)", "amicizia (friend)"],
                vec!["indissolubile", "sacramentale", "inscindibile"],
            ],
        ],
        false,
    );
    let right = table_with_rules(
        700.0,
        &[320.0, 370.0, 430.0, 490.0, 540.0],
        &[
            vec![
                vec!["Thr."],
                vec!["Accuracy"],
                vec!["Cov."],
                vec!["Accuracy"],
            ],
            vec![vec!["0.00"], vec!["0.21"], vec!["100%"], vec!["0.32"]],
            vec![vec!["0.55"], vec!["0.25"], vec!["70%"], vec!["0.40"]],
            vec![vec!["0.60"], vec!["0.31"], vec!["32%"], vec!["0.45"]],
        ],
        false,
    );
    let mut content = left;
    content.extend_from_slice(&right);
    let text = text_of(&page(&content, "", &[]));
    assert!(
        text.contains("cravatta (tie)\tnero (black)\nvelluto (velvet)\tbianco (white)\ngiacca (jacket)\tgiallo (yellow)\n"),
        "{text}"
    );
    assert!(text.contains("0.00\t0.21\t100%\t0.32\n0.55"), "{text}");
    assert!(text.find("giallo") < text.find("Thr."), "{text}");
}

/// A page of a court's opinion as one state's supreme court sets it: a running head of three
/// small lines (the case, the docket, `Opinion of the Court`, the third under the margin
/// band), then 12-point lines of `body`, each `(x, text)`, double spaced from the top; a
/// text left of 40 points (a paragraph's number in the margin) is set on the next line's
/// baseline.
fn opinion_page(body: &[(u32, &str)]) -> Vec<u8> {
    let mut s = String::from(
        "BT /F1 9.5 Tf 183 744 Td (GIFT SURPLUS, LLC V. STATE EX REL. COOPER) Tj ET \
         BT /F1 10 Tf 274 720 Td (2022-NCSC-1) Tj ET BT /F1 10 Tf 259 696 Td (Opinion of the Court) Tj ET",
    );
    let mut k = 0;
    for (x, text) in body {
        let y = 653.0 - 28.8 * k as f32;
        s.push_str(&format!(" BT /F1 12 Tf {x} {y} Td ({text}) Tj ET"));
        // A paragraph's number in the margin stands on its first line's baseline.
        if *x > 40 {
            k += 1;
        }
    }
    s.into_bytes()
}

#[test]
fn an_opinions_three_line_running_head_and_margin_paragraph_numbers_read_as_the_page() {
    // A sentence runs over each page break under the running head; paragraphs are numbered
    // in the margin (`¶ 2` left of the text's first-line indent), one after a full line.
    let pages_body: Vec<Vec<(u32, &str)>> = vec![
        vec![
            (29, "\\266 1"),
            (
                108,
                "The trial court held that the sweepstakes game is lawful, relying on the",
            ),
            (
                72,
                "modifications made since remand to conclude that the game is not one of chance and",
            ),
            (
                72,
                "that it is therefore not within the statute. We review the conclusion de novo. The",
            ),
            (
                72,
                "Court will inquire, not into the name of the game but into the",
            ),
        ],
        vec![
            (
                72,
                "game itself, however skillfully disguised, in order to ascertain if it is prohibited",
            ),
            (
                72,
                "by the statute, as the Court of Appeals did in an earlier case. See Joker Club, L.L.C.",
            ),
            (
                72,
                "v. Hardin, 183 N.C. App. 92, 99 (2007), holding that chance predominates over skill in",
            ),
            (
                72,
                "the game of poker as the players play it in the clubs of the state.",
            ),
            (29, "\\266 2"),
            (
                108,
                "This case follows from the General Assembly's repeated efforts to ban all video",
            ),
            (
                72,
                "gaming machines, including video poker and other video card games, since 2006.",
            ),
        ],
        vec![
            (
                72,
                "Since the first prohibition was enacted, owners of the machines have developed",
            ),
            (
                72,
                "machines with various interactive operations, in efforts to circumvent the statute.",
            ),
            (29, "\\266 3"),
            (
                108,
                "Following enactment, the vendors of the kiosks challenged the law on",
            ),
            (
                72,
                "First Amendment grounds, and this Court held that the law regulates conduct.",
            ),
        ],
    ];
    let contents: Vec<Vec<u8>> = pages_body
        .iter()
        .map(|body| {
            let body: Vec<(u32, String)> = body.iter().map(|(x, t)| (*x, t.to_string())).collect();
            let refs: Vec<(u32, &str)> = body.iter().map(|(x, t)| (*x, t.as_str())).collect();
            opinion_page(&refs)
        })
        .collect();
    let refs: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
    let text = text_of(&pages_win_ansi(&refs));
    assert!(!text.contains("Opinion of the Court"), "{text}");
    assert!(!text.contains("NCSC"), "{text}");
    assert!(
        text.contains("into the name of the game but into the game itself, however skillfully"),
        "{text}"
    );
    assert!(
        text.contains("See Joker Club, L.L.C. v. Hardin, 183 N.C. App. 92"),
        "{text}"
    );
    assert!(
        text.contains("\n\n¶ 2 This case follows from the General Assembly's repeated efforts to ban all video gaming machines"),
        "{text}"
    );
    assert!(
        text.contains("circumvent the statute.\n\n¶ 3 Following enactment, the vendors"),
        "{text}"
    );
    assert!(text.starts_with("¶ 1 The trial court held"), "{text}");
}

#[test]
fn a_page_of_a_table_where_a_sentence_stops_waits_for_the_sentences_end() {
    // Page 1 stops inside a sentence; page 2 is a table under its caption; page 3 goes on.
    let prose = |lines: &[&str]| {
        let mut s = String::from("BT /F1 11 Tf 72 680 Td");
        for l in lines {
            s.push_str(&format!(" ({l}) Tj 0 -14 Td"));
        }
        s.push_str(" ET");
        s.into_bytes()
    };
    let first = prose(&[
        "The survey asked households about the state of their homes and found that",
        "one in twenty lived in housing that was inadequate by the standard used here.",
        "Women who headed households were more likely to live in such housing than",
        "men. Although the",
    ]);
    let mut table = String::from(
        "BT /F1 10 Tf 72 680 Td (Table 1. Percentage of households in inadequate housing) Tj ET",
    );
    for (k, (group, a, b)) in [
        ("Group", "2007", "2009"),
        ("Female", "6.1", "5.8"),
        ("Male", "5.2", "5.0"),
        ("Hispanic", "8.4", "7.9"),
        ("Black", "9.1", "8.8"),
        ("White", "4.0", "3.9"),
    ]
    .iter()
    .enumerate()
    {
        let y = 650 - 14 * k;
        table.push_str(&format!(
            " BT /F1 10 Tf 72 {y} Td ({group}) Tj ET BT /F1 10 Tf 300 {y} Td ({a}) Tj ET BT /F1 10 Tf 420 {y} Td ({b}) Tj ET"
        ));
    }
    let last = prose(&[
        "odds of a Hispanic female living in inadequate housing decreased from 2007 to",
        "2009, the odds were still elevated. The survey did not ask about the repairs",
        "that owners had made, which a later survey will cover in more detail.",
    ]);
    let text = text_of(&pages(&[&first, table.as_bytes(), &last]));
    assert!(
        text.contains(
            "men. Although the odds of a Hispanic female living in inadequate housing decreased"
        ),
        "{text}"
    );
    assert!(
        text.find("more detail.") < text.find("Table 1."),
        "the table follows the paragraph: {text}"
    );
}

#[test]
fn a_table_of_words_whose_cells_wrap_reads_each_cell_as_one_and_each_entry_in_its_column() {
    // Rows set further apart than the lines of a cell; a column's entries alone on their
    // lines; the table's heading over two lines.
    let pdf = page(
        b"BT /F1 10 Tf 72 740 Td (Table 3 What each group said about the service) Tj ET \
BT /F1 8 Tf 72 720 Td (Group) Tj 100 0 Td (Strengths) Tj 130 0 Td (Weaknesses hindering) Tj 130 0 Td (Ideas) Tj ET \
BT /F1 8 Tf 302 711 Td (good service) Tj ET \
BT /F1 8 Tf 72 697 Td (1. Nurses) Tj 100 0 Td (- Clear written rules) Tj 130 0 Td (- Staffing issues: too) Tj 130 0 Td (- Buy the basic) Tj ET \
BT /F1 8 Tf 302 688 Td (few nurses at night) Tj 130 0 Td (supplies for wards) Tj ET \
BT /F1 8 Tf 172 674 Td (- Quality checks) Tj 130 0 Td (- Scarce supplies) Tj 130 0 Td (- Use supplies well) Tj ET \
BT /F1 8 Tf 172 665 Td (are in place) Tj ET \
BT /F1 8 Tf 302 651 Td (\\(Appendix 1, Section 1.2\\)) Tj ET \
BT /F1 8 Tf 72 637 Td (2. Patients) Tj 100 0 Td (- Kind staff) Tj 130 0 Td (- Long waits) Tj 130 0 Td (- Shorter waits) Tj ET \
BT /F1 8 Tf 302 623 Td (- Dirty wards) Tj ET \
BT /F1 8 Tf 302 609 Td (- Few tools to test) Tj ET \
BT /F1 8 Tf 302 600 Td (blood and urine) Tj ET \
BT /F1 8 Tf 72 586 Td (3. Managers) Tj 100 0 Td (- Plans exist) Tj 130 0 Td (- No budget for) Tj ET \
BT /F1 8 Tf 302 577 Td (new staff) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    for row in [
        "Group\tStrengths\tWeaknesses hindering good service\tIdeas\n",
        "1. Nurses\t- Clear written rules\t- Staffing issues: too few nurses at night\t- Buy the basic supplies for wards\n",
        "\t- Quality checks are in place\t- Scarce supplies\t- Use supplies well\n",
        "\t\t(Appendix 1, Section 1.2)\n",
        "\t\t- Dirty wards\n\t\t- Few tools to test blood and urine\n",
        "3. Managers\t- Plans exist\t- No budget for new staff\n",
    ] {
        assert!(text.contains(row), "{row:?} in {text}");
    }
}

#[test]
fn a_cell_set_over_lines_in_a_table_whose_rows_each_have_a_label_stays_in_its_row() {
    // Every row but the cell's next lines has its label; the lines are set alike.
    let pdf = page(
        b"BT /F1 10 Tf 72 740 Td (Figure 9. Tags of values in the interpreter.) Tj ET \
BT /F1 9 Tf 72 716 Td (Tag) Tj 60 0 Td (Type) Tj 80 0 Td (Description) Tj ET \
BT /F1 9 Tf 72 705 Td (xx1) Tj 60 0 Td (number) Tj 80 0 Td (31-bit integer) Tj ET \
BT /F1 9 Tf 72 694 Td (000) Tj 60 0 Td (object) Tj 80 0 Td (pointer to object) Tj ET \
BT /F1 9 Tf 72 683 Td (100) Tj 60 0 Td (string) Tj 80 0 Td (pointer to string) Tj ET \
BT /F1 9 Tf 72 672 Td (110) Tj 60 0 Td (boolean) Tj 80 0 Td (enumeration for null, true) Tj ET \
BT /F1 9 Tf 132 661 Td (null, or) Tj ET \
BT /F1 9 Tf 132 650 Td (undefined) Tj ET \
BT /F1 10 Tf 72 620 Td (If we need to spill a value, we restore it after the instruction.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.contains("\n110\tboolean null, or undefined\tenumeration for null, true\n"),
        "{text}"
    );
}

#[test]
fn a_tables_last_rows_on_a_page_of_their_own_with_one_full_row_keep_their_columns() {
    let pdf = page(
        b"BT /F1 10 Tf 72 740 Td (Table 3 What each group said about the service \\(Continued\\)) Tj ET \
BT /F1 8 Tf 72 720 Td (4.3 Rules) Tj 100 0 Td (- Rules are there and) Tj 130 0 Td (1. Not followed by some) Tj ET \
BT /F1 8 Tf 172 711 Td (known to all staff) Tj 130 0 Td (doctors on nights) Tj ET \
BT /F1 8 Tf 172 697 Td (- A review is planned) Tj ET \
BT /F1 8 Tf 72 683 Td (4.4 Change) Tj 100 0 Td (1. Cases are seen first in the) Tj ET \
BT /F1 8 Tf 172 674 Td (front ward) Tj ET \
BT /F1 8 Tf 72 660 Td (4.5 Managers) Tj 230 0 Td (- Too few staff) Tj ET \
BT /F1 8 Tf 302 646 Td (- Weak leaders) Tj ET \
BT /F1 8 Tf 72 632 Td (4.6 How the wards are run) Tj 100 0 Td (\\(App. 4.6\\)) Tj 130 0 Td (- Long shifts) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    for row in [
        "4.3 Rules\t- Rules are there and known to all staff\t1. Not followed by some doctors on nights\n",
        "\t- A review is planned\n",
        "4.4 Change\t1. Cases are seen first in the front ward\n",
        "4.5 Managers\t\t- Too few staff\n\t\t- Weak leaders\n",
        "4.6 How the wards are run\t(App. 4.6)\t- Long shifts\n",
    ] {
        assert!(text.contains(row), "{row:?} in {text}");
    }
}

#[test]
fn a_compound_broken_at_a_line_end_inside_its_last_part_is_joined_where_the_document_writes_it_whole()
 {
    let pdf = page(
        b"BT /F1 10 Tf 72 700 Td (He asked for instructions on lesser-in-) Tj 0 -12 Td (cluded offenses and filed for post-convic-) Tj 0 -12 Td (tion relief in the state court.) Tj ET \
BT /F1 10 Tf 72 660 Td (The lesser-included offense and the post-conviction motion were both denied.) Tj ET \
BT /F1 10 Tf 72 630 Td (The judge said a like-for-) Tj 0 -12 Td (like swap of the counts was not on offer.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.contains(
            "instructions on lesser-included offenses and filed for post-conviction relief"
        ),
        "{text}"
    );
    assert!(text.contains("a like-for-like swap"), "{text}");
}

#[test]
fn a_footers_next_line_set_as_small_under_it_on_one_page_is_left_out_too() {
    // The first page's foot: the publisher's line with the page number where the other
    // pages have theirs, then a DOI under it; the sentence at the column's foot goes on on
    // the next page.
    const WORDS: [&str; 13] = [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
        "juliet", "kilo", "lima", "mike",
    ];
    let body = |page: usize, first: &str, last: &str| {
        let mut s = format!("BT /F1 10 Tf 72 712 Td ({first}) Tj 0 -12 Td ");
        for w in WORDS {
            s.push_str(&format!(
                "(The {w} line of page {} says what the survey found.) Tj 0 -12 Td ",
                WORDS[page]
            ));
        }
        s.push_str(&format!("({last}) Tj ET "));
        s
    };
    let mut contents = vec![format!(
        "{}BT /F1 8 Tf 72 60 Td (978-0-7695-3958-4/10 $26.00 2010 IEEE) Tj 400 0 Td (142) Tj ET \
BT /F1 8 Tf 72 50 Td (DOI 10.1109/DSDE.2010.49) Tj ET",
        body(
            0,
            "The study opens here.",
            "A need for a model of good practice in prioritization has"
        )
    )];
    for n in 1..5 {
        let first = if n == 1 {
            "been identified by the studies we read."
        } else {
            WORDS[n + 5]
        };
        contents.push(format!(
            "{}BT /F1 8 Tf 472 60 Td ({}) Tj ET",
            body(n, first, "The step ends here."),
            142 + n
        ));
    }
    let refs: Vec<&[u8]> = contents.iter().map(|c| c.as_bytes()).collect();
    let text = text_of(&pages(&refs));
    assert!(!text.contains("DOI"), "{text}");
    assert!(
        text.contains("prioritization has been identified by the studies we read."),
        "{text}"
    );
}

#[test]
fn a_columns_notes_under_a_short_rule_above_a_table_wait_for_the_sentence_going_on_in_the_next_column()
 {
    // Two columns of text with each column's notes under a short rule, in the page's upper
    // half; the notes stand further left than the second column's text. A ruled table
    // fills the page under them.
    let mut content = String::from(
        "BT /F1 9 Tf 72 740 Td (The count of people with a disability rose) Tj 0 -12 Td (again, to 56.7 million people of the) Tj ET \
0.5 w 72 700 m 144 700 l S \
BT /F1 7 Tf 72 690 Td (8 Counts of the group quarters population,) Tj 0 -9 Td (from the survey of that year.) Tj ET \
BT /F1 9 Tf 318 740 Td (303.9 million in the civilian population) Tj 0 -12 Td (had a disability in 2010.) Tj ET \
0.5 w 306 716 m 378 716 l S \
BT /F1 7 Tf 318 706 Td (9 The estimates in this report are based) Tj -12 -9 Td (on a sample of the population and may differ.) Tj ET ",
    );
    // The table: rules across and down.
    for y in [600, 580, 560, 540] {
        content.push_str(&format!("0.5 w 72 {y} m 540 {y} l S "));
    }
    for x in [72, 300, 540] {
        content.push_str(&format!("0.5 w {x} 600 m {x} 540 l S "));
    }
    content.push_str(
        "BT /F1 9 Tf 80 586 Td (Age group) Tj 230 0 Td (Number) Tj ET \
BT /F1 9 Tf 80 566 Td (All ages) Tj 230 0 Td (291,099) Tj ET \
BT /F1 9 Tf 80 546 Td (Aged 6 and older) Tj 230 0 Td (266,752) Tj ET",
    );
    let text = text_of(&page(content.as_bytes(), "", &[]));
    assert!(
        text.contains("56.7 million people of the 303.9 million in the civilian population had a disability in 2010."),
        "{text}"
    );
    assert!(
        text.contains("\n8 Counts of the group quarters population"),
        "{text}"
    );
}

/// A page with a line of upright prose and a table of twelve rows set turned a quarter:
/// `matrix` is the text matrix's turn (`0 1 -1 0` reads up the page, `0 -1 1 0` down it)
/// and `x` where each row's baseline stands across the page.
fn sideways_table(matrix: &str, x: impl Fn(usize) -> usize, y: usize) -> Vec<u8> {
    let mut content =
        String::from("BT /F1 10 Tf 72 740 Td (Table 1 is set sideways on this page.) Tj ET ");
    for k in 0..12 {
        content.push_str(&format!(
            "BT /F1 8 Tf {matrix} {} {y} Tm (District{k:02}) Tj 80 0 Td (12) Tj 40 0 Td (4) Tj 40 0 Td (1907) Tj ET ",
            x(k)
        ));
    }
    page(content.as_bytes(), "", &[])
}

#[test]
fn a_table_turned_sideways_on_an_upright_page_is_read_turned() {
    // Read up the page: the table's head is at the page's left, so its first row is the
    // leftmost line.
    let up = extract_pdf(&sideways_table("0 1 -1 0", |k| 200 + 12 * k, 100)).unwrap();
    // Read down the page: its head is at the right.
    let down = extract_pdf(&sideways_table("0 -1 1 0", |k| 400 - 12 * k, 600)).unwrap();
    for extracted in [&up, &down] {
        let text = &extracted.text;
        assert!(
            text.starts_with("Table 1 is set sideways on this page.\n"),
            "{text}"
        );
        let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("District")).collect();
        let expected: Vec<String> = (0..12)
            .map(|k| format!("District{k:02}\t12\t4\t1907"))
            .collect();
        assert_eq!(rows, expected, "{text}");
        assert!(extracted.pages.sideways.is_empty());
        assert_eq!(extracted.pages.damage(), None);
        assert_eq!(extracted.pages.pages.len(), 1);
    }
    // Each char's box stands where it is drawn on the page: a row's line is a narrow
    // band across the page, its text running along the page's height.
    let at = up.text.find("District00").unwrap();
    let first = up.pages.boxes[at].unwrap();
    let last = up.pages.boxes[at + "District00".len() - 1].unwrap();
    // The baseline at x = 200, the letters' tops towards the left.
    assert!(
        (first.rect[0] - 193.6).abs() < 0.5 && (first.rect[2] - 201.6).abs() < 0.5,
        "{first:?}"
    );
    // Starting 100 points from the page's foot (792 - 100 from its top) and going up.
    assert!((first.rect[3] - 692.0).abs() < 0.5, "{first:?}");
    assert!(
        last.rect[1] < first.rect[1] && last.rect[0] == first.rect[0],
        "{last:?}"
    );
    let at = down.text.find("District00").unwrap();
    let first = down.pages.boxes[at].unwrap();
    // The baseline at x = 400, the letters' tops towards the right; from 600 points above
    // the foot (192 from the top) going down.
    assert!(
        (first.rect[0] - 398.4).abs() < 0.5 && (first.rect[2] - 406.4).abs() < 0.5,
        "{first:?}"
    );
    assert!((first.rect[1] - 192.0).abs() < 0.5, "{first:?}");
}

#[test]
fn a_block_set_at_a_slant_is_told_not_left_out_silently() {
    // Twelve lines turned an eighth: neither along the page nor across it.
    let mut content =
        String::from("BT /F1 10 Tf 72 740 Td (A block is set at a slant on this page.) Tj ET ");
    for k in 0..12 {
        content.push_str(&format!(
            "BT /F1 8 Tf 0.707 0.707 -0.707 0.707 {} 100 Tm (Colombo 12 4 0 7 19 3 Gampaha 8 2 1 5 11 0) Tj ET ",
            200 + 12 * k
        ));
    }
    let extracted = extract_pdf(&page(content.as_bytes(), "", &[])).unwrap();
    assert!(extracted.text.contains("A block is set at a slant"));
    assert!(!extracted.text.contains("Colombo"));
    let (page, chars) = extracted.pages.sideways[0];
    assert_eq!(page, 1);
    assert!(chars >= 12 * 30, "{chars}");
    let warning = extracted.pages.damage().unwrap();
    assert!(warning.contains("on page 1 are set turned"), "{warning}");
}

#[test]
fn of_two_blocks_turned_opposite_ways_one_is_read_and_the_other_told() {
    // Twenty rows reading up the page at its left, fourteen reading down it at its right.
    let mut content = String::from("BT /F1 10 Tf 72 740 Td (Two tables set sideways.) Tj ET ");
    for k in 0..20 {
        content.push_str(&format!(
            "BT /F1 8 Tf 0 1 -1 0 {} 100 Tm (Upward{k:02}) Tj 80 0 Td (12) Tj 40 0 Td (4) Tj 40 0 Td (1907) Tj ET ",
            100 + 12 * k
        ));
    }
    for k in 0..14 {
        content.push_str(&format!(
            "BT /F1 8 Tf 0 -1 1 0 {} 600 Tm (Downward{k:02}) Tj 80 0 Td (12) Tj 40 0 Td (4) Tj 40 0 Td (1907) Tj ET ",
            500 - 12 * k
        ));
    }
    let extracted = extract_pdf(&page(content.as_bytes(), "", &[])).unwrap();
    assert!(
        extracted.text.contains("Upward19\t12\t4\t1907"),
        "{}",
        extracted.text
    );
    assert!(!extracted.text.contains("Downward"), "{}", extracted.text);
    let (page, chars) = extracted.pages.sideways[0];
    assert_eq!(page, 1);
    assert_eq!(chars, 14 * 17);
}

#[test]
fn a_note_going_on_under_the_rule_at_the_next_pages_foot_is_kept() {
    // A court's note set under a rule of dashes goes on under the same rule on the next page;
    // the rule is no footer, and the note's line right under it is text.
    let body = |first: &str| {
        let mut s = format!("BT /F1 11 Tf 72 700 Td ({first}) Tj ");
        for _ in 0..8 {
            s.push_str(
                "0 -13 Td (and the court went on to say more about the rule in this case,) Tj ",
            );
        }
        s.push_str("ET ");
        s
    };
    let one = body("The court said that the rule applies.")
        + "BT /F1 9 Tf 72 180 Td (\\227\\227\\227\\227\\227\\227) Tj 0 -11 Td (5 Rule 60\\(d\\) preserves other ways to obtain relief. We express no) Tj ET "
        + "BT /F1 9 Tf 300 60 Td (7) Tj ET";
    let two = body("The judgment is affirmed by the court.")
        + "BT /F1 9 Tf 72 180 Td (\\227\\227\\227\\227\\227\\227) Tj 0 -11 Td (view regarding the limits applicable to obtaining relief through one of) Tj 0 -11 Td (those methods.) Tj ET "
        + "BT /F1 9 Tf 300 60 Td (8) Tj ET";
    let text = text_of(&pages_win_ansi(&[one.as_bytes(), two.as_bytes()]));
    assert!(
        text.contains("We express no view regarding the limits applicable to obtaining relief through one of those methods."),
        "{text}"
    );
}

#[test]
fn a_law_reports_letters_down_the_margin_are_left_out() {
    // Each page: eight lines of a judgment, and `A` to `E` down the margin beside it (on the
    // right of one page, on the left of the next), some level with a line of text.
    let page_of = |x: f32, first: &str| {
        let mut s = format!("BT /F1 11 Tf 100 700 Td ({first}) Tj ");
        for _ in 0..7 {
            s.push_str(
                "0 -14 Td (there may also be quarrels between the brothers over the land and) Tj ",
            );
        }
        s.push_str("ET ");
        for (k, letter) in ["A", "B", "C", "D", "E"].iter().enumerate() {
            let y = 700.0 - 28.0 * k as f32;
            s.push_str(&format!("BT /F1 10 Tf {x} {y} Td ({letter}) Tj ET "));
        }
        s
    };
    let one = page_of(
        500.0,
        "The witness said that the lorry was seen on the road, and",
    );
    let two = page_of(60.0, "its owner, and so the appeal fails and is dismissed.");
    let text = text_of(&pages(&[one.as_bytes(), two.as_bytes()]));
    assert!(!text.contains(['A', 'B', 'C', 'D', 'E']), "{text}");
    assert!(
        text.starts_with(
            "The witness said that the lorry was seen on the road, and there may also be quarrels"
        ),
        "{text}"
    );
    assert!(text.contains("land and its owner"), "{text}");
}

#[test]
fn words_spaced_out_beside_words_set_close_keep_their_letters_together() {
    // A table's note in 5 points: its first words spaced out 0.7 to 0.8 points a letter (a
    // sixth of their size, as wide as a narrow word space), the last set closer than usual;
    // the PDF draws its spaces. A formula's `i sin`, 2 points apart where its drawn spaces are
    // wider, keeps its space.
    let pdf = page(
        b"BT /F1 5.04 Tf 1 0 0 1 58.44 700 Tm [(1) ( ) -357 (N) -159 (o) -135 (t) ( ) -206 (s) -143 (e) -159 (a) -159 (s) -167 (o) -135 (n) -159 (a) -157 (l) -159 (l) -159 (y) ( ) -200 (a) 32 (d) 32 (j) 8 (u) 32 (s) 24 (t) 16 (e) 34 (d) 34 (.)] TJ ET \\
BT /F1 10 Tf 3 Tw 1 0 0 1 72 680 Tm (cos 30 i) Tj 1 0 0 1 114.46 680 Tm (sin 30) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(text.starts_with("1 Not seasonally adjusted.\n"), "{text}");
    assert!(text.contains("i sin 30"), "{text}");
}

#[test]
fn notes_numbered_before_a_year_in_brackets_under_a_rule_stroked_three_times_are_notes() {
    // Each page: a ruling's text going on over the page, a short rule at its foot stroked
    // three times, a hair apart, and notes under it that cite a year in brackets.
    let body = |first: &str, last: &str| {
        let mut s = format!("BT /F1 12 Tf 72 720 Td ({first}) Tj ");
        for _ in 0..8 {
            s.push_str(
                "0 -28 Td (and the court went on to say more about the rule in this case,) Tj ",
            );
        }
        s.push_str(&format!("0 -28 Td ({last}) Tj ET "));
        s
    };
    let rule = "0.5 w 72 150.2 m 180 150.2 l S 72 150 m 180 150 l S 72 149.8 m 180 149.8 l S ";
    let one = body(
        "The court said that the rule applies.",
        "and so the question of the disputes",
    ) + rule
        + "BT /F1 10 Tf 72 136 Td (15 \\(2015\\) 2 SCC 52 \\(Paras 14-17\\)) Tj ET";
    let two = body(
        "raised in the notice is still to be determined, and",
        "the judgment is affirmed.",
    ) + rule
        + "BT /F1 10 Tf 72 136 Td (16 \\(1968\\) 1 SCR 505 \\(Para 9\\)) Tj ET";
    let text = text_of(&pages(&[one.as_bytes(), two.as_bytes()]));
    assert!(
        text.contains(
            "the question of the disputes raised in the notice is still to be determined"
        ),
        "{text}"
    );
    assert!(
        text.ends_with(
            "the judgment is affirmed.\n\n15 (2015) 2 SCC 52 (Paras 14-17)\n\n16 (1968) 1 SCR 505 (Para 9)\n"
        ),
        "{text}"
    );
}

/// [`pages`] on slides (720 by 405 points, wider than high).
fn slides(contents: &[&[u8]]) -> Vec<u8> {
    let pdf = pages(contents);
    let (portrait, landscape) = (b"/MediaBox [0 0 612 792]", b"/MediaBox [0 0 720 405]");
    let mut out = Vec::with_capacity(pdf.len());
    let mut i = 0;
    while i < pdf.len() {
        if pdf[i..].starts_with(portrait) {
            out.extend_from_slice(landscape);
            i += portrait.len();
        } else {
            out.push(pdf[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn a_slides_title_repeated_on_the_slides_of_its_part_is_kept() {
    // Three slides of one part under the same title, each with its own table; the small
    // footer with the slide's number is furniture.
    let slide = |k: usize, region: &str| {
        format!(
            "BT /F1 24 Tf 40 360 Td (Daily prescriptions 12 - 18 January) Tj ET \
BT /F1 9 Tf 40 300 Td (Region) Tj 120 0 Td (Monday) Tj 80 0 Td (Tuesday) Tj ET \
BT /F1 9 Tf 40 286 Td ({region}) Tj 120 0 Td ({}) Tj 80 0 Td ({}) Tj ET \
BT /F1 9 Tf 40 272 Td (Total) Tj 120 0 Td ({}) Tj 80 0 Td ({}) Tj ET \
BT /F1 7 Tf 340 20 Td (Medicines agency - slide {k}) Tj ET",
            10 + k,
            20 + k,
            10 + k,
            20 + k
        )
    };
    let (a, b, c) = (slide(1, "Liguria"), slide(2, "Lazio"), slide(3, "Veneto"));
    let text = text_of(&slides(&[a.as_bytes(), b.as_bytes(), c.as_bytes()]));
    assert_eq!(
        text.matches("Daily prescriptions 12 - 18 January\n")
            .count(),
        3,
        "{text}"
    );
    assert!(!text.contains("Medicines agency"), "{text}");
}

/// The lines the layout reads from a page's glyphs, each separator as a space.
fn lines_read(page: &super::pdf_glyphs::PageGlyphs) -> Vec<String> {
    use super::pdf_layout::Sep;
    let lines = super::pdf_layout::lines(page, Instant::now() + Duration::from_secs(60)).unwrap();
    lines
        .iter()
        .map(|line| {
            let mut text = String::new();
            for &(g, sep) in &line.items {
                if sep != Sep::None {
                    text.push(' ');
                }
                text.extend(page.text(&page.glyphs[g as usize]));
            }
            text
        })
        .collect()
}

#[test]
fn arabic_letters_set_over_or_beside_their_origins_keep_the_order_they_are_drawn_in() {
    use super::pdf_glyphs::{Glyph, PageGlyphs};
    // As a bank's statement draws "شركة ديسمبر" (left to right, each word's last letter
    // first): the final `ر` of ديسمبر is set a little lower and placed over the `ب` drawn
    // after it; the `ر` of شركة is set higher and its origin stands right of the `ش` drawn
    // after it; kashidas stretch the word between.
    let drawn: [(char, f32, f32, f32, bool); 12] = [
        ('ر', 316.0, 321.8, 429.1, false),
        ('ب', 309.7, 317.6, 428.2, false),
        ('م', 317.5, 322.9, 428.2, false),
        ('ـ', 324.5, 325.1, 428.2, false),
        ('س', 327.0, 335.2, 428.2, false),
        ('ي', 335.2, 338.3, 428.2, false),
        ('د', 338.2, 343.3, 428.2, false),
        ('ة', 349.4, 354.8, 428.2, true),
        ('ك', 354.9, 360.5, 428.2, false),
        ('ر', 366.0, 371.8, 423.9, false),
        ('ش', 357.2, 369.5, 428.2, false),
        ('.', 307.6, 309.6, 428.2, false),
    ];
    let chars: Vec<char> = drawn.iter().map(|d| d.0).collect();
    let glyphs: Vec<Glyph> = drawn
        .iter()
        .enumerate()
        .map(|(k, &(_, x0, x1, baseline, space_before))| Glyph {
            x0,
            x1,
            baseline,
            size: 11.5,
            text: k as u32,
            len: 1,
            space_before,
            hidden: false,
            clipped: false,
            weight: 0.0,
        })
        .collect();
    // (The period ends the line at its left, drawn last.)
    let page = PageGlyphs {
        number: 1,
        width: 600.0,
        height: 800.0,
        glyphs,
        chars,
        ..PageGlyphs::default()
    };
    let text = lines_read(&page);
    assert_eq!(text, vec!["شركة ديسـمبر.".to_owned()]);
}

#[test]
fn a_slides_title_starts_a_paragraph_after_the_slide_before() {
    // The slide before is its title over a chart drawn as a picture: its title is the last
    // text before the next slide's.
    let one = "BT /F1 24 Tf 40 360 Td (Trend of daily new cases and of the treatments) Tj 0 -28 Td (started on each of the days of the week) Tj ET \
BT /F1 9 Tf 40 40 Td (Medicines agency) Tj ET";
    let two = "BT /F1 24 Tf 40 360 Td (National and regional summary of treatments) Tj ET \
BT /F1 9 Tf 40 300 Td (Region) Tj 120 0 Td (Treatments) Tj ET \
BT /F1 9 Tf 40 286 Td (Liguria) Tj 120 0 Td (31) Tj ET \
BT /F1 9 Tf 40 272 Td (Lazio) Tj 120 0 Td (27) Tj ET \
BT /F1 9 Tf 40 40 Td (Medicines agency) Tj ET";
    let text = text_of(&slides(&[one.as_bytes(), two.as_bytes()]));
    assert!(
        text.contains("of the week\n\nNational and regional summary of treatments"),
        "{text}"
    );
}

#[test]
fn a_pages_title_set_in_a_row_with_its_unit_starts_a_new_table() {
    // A statement ends its page; the next page's statement starts with its title and its
    // unit on one line, then its own rows.
    let rows = |labels: &[&str], y0: usize| {
        let mut s = String::new();
        for (k, label) in labels.iter().enumerate() {
            s.push_str(&format!(
                "BT /F1 10 Tf 72 {} Td ({label}) Tj 250 0 Td ({}) Tj 100 0 Td ({}) Tj ET ",
                y0 - 20 * k,
                948 + k,
                605 + k
            ));
        }
        s
    };
    let one = rows(
        &[
            "Interest income",
            "Cost of deposits",
            "Net interest income",
            "Fees and commissions",
            "Net profit for the year",
        ],
        700,
    );
    let two = String::from(
        "BT /F1 10 Tf 72 740 Td (Statement of comprehensive income for the year ended 31 December 2024) Tj 400 0 Td (\\(in millions\\)) Tj ET ",
    ) + &rows(
        &[
            "Net profit of the year",
            "Change in fair value",
            "Transferred to retained earnings",
            "Total comprehensive income",
        ],
        700,
    );
    let text = text_of(&pages(&[one.as_bytes(), two.as_bytes()]));
    assert!(
        text.contains("\n\nStatement of comprehensive income for the year ended 31 December 2024\t(in millions)\n"),
        "{text}"
    );
}

#[test]
fn words_set_slanted_by_shearing_the_font_are_read() {
    // A judgment's case name in italics made by slanting a roman font a quarter.
    let content = b"BT /F1 10 Tf 72 700 Td (In) Tj ET \
BT /F1 10 Tf 1 0 0.25 1 85 700 Tm (Tufan Chatterjee) Tj ET \
BT /F1 10 Tf 162 700 Td (\\(supra\\), the word was read as it stands.) Tj ET";
    let extracted = extract_pdf(&page(content, "", &[])).unwrap();
    assert!(
        extracted
            .text
            .contains("In Tufan Chatterjee (supra), the word"),
        "{}",
        extracted.text
    );
    assert!(extracted.pages.sideways.is_empty());
}

#[test]
fn a_right_to_left_items_label_drawn_before_its_line_stands_at_its_start_a_space_apart() {
    use super::pdf_glyphs::{Glyph, PageGlyphs};
    // As a contract draws `أ- تقديم الوثائق والمستندات ال…`: the item's label `أ-` first,
    // from the right, then the line's words from its left end; the space after the label is
    // drawn before the jump, as wide as the font's narrow spaces (1.6 pt at 14 pt).
    let drawn: [(&str, f32, f32, bool); 25] = [
        ("أ", 502.54, 505.49, true),
        ("-", 499.30, 502.64, false),
        ("ل", 391.34, 394.39, false),
        ("ا", 394.34, 397.29, false),
        ("ت", 398.90, 407.58, true),
        ("ا", 407.54, 410.49, false),
        ("د", 410.42, 416.42, false),
        ("ن", 416.42, 420.13, false),
        ("ت", 420.14, 423.58, false),
        ("س", 423.50, 431.90, false),
        ("لم", 431.90, 436.26, false),
        ("ا", 436.22, 439.17, false),
        ("و", 438.26, 443.35, false),
        ("ق", 444.86, 452.16, true),
        ("ئ", 452.18, 455.23, false),
        ("ا", 455.18, 458.29, false),
        ("ث", 458.30, 461.35, false),
        ("و", 460.34, 466.24, false),
        ("ل", 466.22, 469.27, false),
        ("ا", 469.22, 472.17, false),
        ("م", 473.90, 480.21, true),
        ("ي", 480.26, 483.31, false),
        ("د", 483.26, 489.26, false),
        ("ق", 489.26, 494.53, false),
        ("ت", 494.54, 497.59, false),
    ];
    let mut chars: Vec<char> = Vec::new();
    let mut glyphs: Vec<Glyph> = Vec::new();
    for &(text, x0, x1, space_before) in &drawn {
        glyphs.push(Glyph {
            x0,
            x1,
            baseline: 172.34,
            size: 14.04,
            text: chars.len() as u32,
            len: text.chars().count() as u8,
            space_before,
            hidden: false,
            clipped: false,
            weight: 0.0,
        });
        chars.extend(text.chars());
    }
    let page = PageGlyphs {
        number: 1,
        width: 595.0,
        height: 842.0,
        glyphs,
        chars,
        ..PageGlyphs::default()
    };
    let text = lines_read(&page);
    assert_eq!(text, vec!["أ- تقديم الوثائق والمستندات ال".to_owned()]);
}

/// A one-page PDF drawing `content` with Helvetica as /F1, with `encoding` as its /Encoding
/// and a /ToUnicode map that gives U+0018 for the digits 2 and 7 (as some producers write).
fn with_digits_mapped_to_a_control(content: &[u8], encoding: &str) -> Vec<u8> {
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def \
/CMapName /Adobe-Identity-UCS def /CMapType 2 def \
1 begincodespacerange <00> <FF> endcodespacerange \
3 beginbfchar <32> <0018> <37> <0018> <31> <0031> endbfchar \
1 beginbfrange <20> <7E> <0020> endbfrange \
endcmap CMapName currentdict /CMap defineresource pop end end";
    build(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_vec(),
        format!("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding {encoding} /ToUnicode 6 0 R >>").into_bytes(),
        stream("", content),
        stream("", cmap),
    ])
}

#[test]
fn digits_a_fonts_map_gives_as_control_characters_read_as_its_encoding_gives_them() {
    let content = b"BT /F1 10 Tf 72 700 Td (Duration 27 years, 1 more than 2017.) Tj ET";
    // A standard encoding: the digits are the encoding's.
    for encoding in [
        "/WinAnsiEncoding",
        "<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [31 /fi] >>",
    ] {
        let extracted = extract_pdf(&with_digits_mapped_to_a_control(content, encoding)).unwrap();
        assert_eq!(
            extracted.text, "Duration 27 years, 1 more than 2017.\n",
            "{encoding}"
        );
        assert!(extracted.pages.damage().is_none());
    }
    // An encoding of the font's own: the digits are not known, and the warning says so
    // (they are not dropped unseen).
    let own = "<< /Type /Encoding /Differences [31 /fi] >>";
    let extracted = extract_pdf(&with_digits_mapped_to_a_control(content, own)).unwrap();
    assert_eq!(
        extracted.text,
        "Duration \u{FFFD}\u{FFFD} years, 1 more than \u{FFFD}01\u{FFFD}.\n"
    );
    let warning = extracted.pages.damage().unwrap();
    assert!(
        warning.starts_with("4 characters on page 1 could not be read"),
        "{warning}"
    );
}

#[test]
fn short_notes_under_raised_numbers_alike_on_each_page_are_kept() {
    // A court's notes: `Id. at …` under a small raised number, at each page's foot, alike but
    // for their figures. They are notes, not a running footer.
    let page = |text: &str, n: u32, note: &str| {
        format!(
            "BT /F1 12 Tf 72 700 Td ({text}) Tj ET \
BT /F1 5 Tf 72 86 Td ({n}) Tj ET BT /F1 10 Tf 82 80 Td ({note}) Tj ET"
        )
    };
    let one = page(
        "The sheriff made no report of the writ.",
        12,
        "Id. at 23-25.",
    );
    let two = page("The Court fined him for the delay.", 13, "Id. at 24-25.");
    let three = page("So ordered by the Court in full.", 14, "Id. at 30-31.");
    let text = text_of(&pages(&[one.as_bytes(), two.as_bytes(), three.as_bytes()]));
    for note in ["Id. at 23-25.", "Id. at 24-25.", "Id. at 30-31."] {
        assert!(text.contains(note), "{note} in {text}");
    }
}

#[test]
fn a_stamp_up_the_margin_and_a_charts_turned_labels_are_left_out_without_a_warning() {
    // A download stamp up the page's margin and a chart's axis labels here and there, all
    // read up the page: over 200 turned glyphs, but no block of lines.
    let mut content = String::from(
        "BT /F1 10 Tf 72 740 Td (Intriguingly, while there is mild) Tj 0 -12 Td (hypersensitivity of the cells, the mice are sensitive.) Tj ET ",
    );
    content.push_str("BT /F1 7 Tf 0 1 -1 0 590 60 Tm (Downloaded from https://www.example.org by 192.0.2.1 on June 25, 2025 from IP address 192.0.2.1.) Tj ET ");
    for (x, y) in [(120, 300), (220, 320), (320, 300), (420, 320), (520, 300)] {
        content.push_str(&format!(
            "BT /F1 8 Tf 0 1 -1 0 {x} {y} Tm (Relative Cell Survival Rate, per cent) Tj ET "
        ));
    }
    let extracted = extract_pdf(&page(content.as_bytes(), "", &[])).unwrap();
    assert_eq!(
        extracted.text,
        "Intriguingly, while there is mild hypersensitivity of the cells, the mice are sensitive.\n"
    );
    assert_eq!(extracted.pages.damage(), None);
}

#[test]
fn a_hyphen_after_a_figure_at_a_lines_end_is_the_compounds_own() {
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (We measured the forks in PARP1-) Tj 0 -14 Td (depleted cells, as others did with an E1-) Tj 0 -14 Td (like enzyme. The cells were positive for p63-) Tj 0 -14 Td (a rare marker in these glands.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "We measured the forks in PARP1-depleted cells, as others did with an E1-like enzyme. The cells were positive for p63- a rare marker in these glands.\n"
    );
}

#[test]
fn blanks_left_to_fill_in_are_no_cell_gaps() {
    // A contract's party: blanks between brackets and before a comma, to be filled in.
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (2\\) Holder of identity card no. \\() Tj 220 0 Td (\\), city) Tj 120 0 Td (, referred to) Tj ET \
BT /F1 12 Tf 72 686 Td (below as the second party or the client.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "2) Holder of identity card no. ( ), city , referred to below as the second party or the client.\n"
    );
}

#[test]
fn small_notes_whose_numbers_stand_apart_wait_for_the_sentence_going_on_over_the_page() {
    // Each note's number is set at the margin, its note a wide gap to its right (as a
    // court's reports set them); the quotation above goes on over the page.
    let first = b"BT /F1 10.5 Tf 75 700 Td (Language employed in a statute is the best aid for its interpretation, as) Tj 0 -13 Td (held in Kanai Lal Sur.3 Interpretation must depend on the text and the) Tj 0 -13 Td (context. Neither can be ignored. Both are important. That) Tj ET \
BT /F1 7 Tf 51 160 Td (3) Tj 24 0 Td (Kanai Lal Sur v. Paramnidhi Sadhukhan, 1957 SCC OnLine SC 8.) Tj ET \
BT /F1 7 Tf 51 149 Td (4) Tj 24 0 Td (\\(1987\\) 1 SCC 424.) Tj ET";
    let second = b"BT /F1 10.5 Tf 75 700 Td (interpretation is best which makes the textual interpretation match the) Tj 0 -13 Td (contextual, as the court put it.) Tj ET";
    let text = text_of(&pages(&[first, second]));
    assert!(
        text.contains("Both are important. That interpretation is best which"),
        "{text}"
    );
    assert!(
        text.contains("\n\n3\tKanai Lal Sur v. Paramnidhi Sadhukhan, 1957 SCC OnLine SC 8.\n"),
        "{text}"
    );
}

#[test]
fn an_articles_heading_at_the_head_of_a_page_is_text_where_the_text_sets_such_headings() {
    // Each page: the gazette's running head, then an article's heading, its text, and the
    // next article's heading and text further down.
    let contents: Vec<Vec<u8>> = (0..4)
        .map(|i| {
            format!(
                "BT /F1 9 Tf 200 760 Td ({head} Official Gazette - Issue 9 - 6 March 2022) Tj ET \
BT /F1 11 Tf 72 720 Td (Article \\({a}\\):) Tj ET \
BT /F1 11 Tf 72 700 Td (The licence of each establishment is issued after the fee is paid,) Tj 0 -16 Td (as the executive regulations set out for every kind of establishment.) Tj ET \
BT /F1 11 Tf 72 640 Td (Article \\({b}\\):) Tj ET \
BT /F1 11 Tf 72 620 Td (No essential change may be made to a licensed establishment without) Tj 0 -16 Td (the approval of the competent ministry, as the regulations set out.) Tj ET",
                head = i + 2,
                a = 2 * i + 1,
                b = 2 * i + 2
            )
            .into_bytes()
        })
        .collect();
    let refs: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
    let text = text_of(&pages(&refs));
    for article in 1..=8 {
        assert!(text.contains(&format!("Article ({article}):")), "{text}");
    }
    assert!(!text.contains("Official Gazette"), "{text}");
}

#[test]
fn a_table_under_a_caption_numbered_in_roman_numerals_waits_for_the_sentence_it_interrupts() {
    // IEEE papers number their tables `TABLE II:`.
    let content = table_over_a_sentence("", 27).replace("(Table 1.", "(TABLE II:");
    let text = text_of(&page(content.as_bytes(), "", &[]));
    assert!(
        text.contains("The results also show that more advanced methods, which require parsing"),
        "{text}"
    );
    assert!(
        text.contains("\n\nTABLE II: The performance of our method"),
        "{text}"
    );
}

#[test]
fn notes_at_one_columns_foot_beside_the_other_columns_last_lines_are_read_after_them() {
    // The left column's text ends high, its notes at the page's foot; the right column goes
    // on to a heading and two last lines level with the notes.
    let mut content = String::new();
    for k in 0..10 {
        content.push_str(&format!(
            "BT /F1 10 Tf 57 {} Td (The dataset was split into training, validation and test sets with) Tj ET ",
            700 - 12 * k
        ));
    }
    for k in 0..45 {
        content.push_str(&format!(
            "BT /F1 10 Tf 312 {} Td (our approach shows a promising potential in the classification) Tj ET ",
            700 - 12 * k
        ));
    }
    content.push_str(
        "BT /F1 8 Tf 395 130 Td (VII. IMPLICATIONS) Tj ET \
BT /F1 10 Tf 312 108 Td (This section discusses the implications of commit) Tj 0 -12 Td (classification for developers and researchers.) Tj ET \
BT /F1 6 Tf 57 111 Td (9) Tj ET BT /F1 8 Tf 61 108 Td (https://platform.example.org/docs/api-reference/chat) Tj ET \
BT /F1 6 Tf 57 99 Td (10) Tj ET BT /F1 8 Tf 64 96 Td (https://github.com/example/transformers) Tj ET",
    );
    let text = text_of(&page(content.as_bytes(), "", &[]));
    assert!(
        text.contains(
            "VII. IMPLICATIONS\n\nThis section discusses the implications of commit classification for developers and researchers.\n"
        ),
        "{text}"
    );
    assert!(text.contains("example/transformers\n"), "{text}");
}

#[test]
fn a_pages_first_line_indented_starts_a_paragraph_and_a_citation_at_a_lines_start_goes_on() {
    // The page before ends with a full line that ends a sentence; the next page's first
    // line is indented, and its second starts with a citation in brackets.
    let first = b"BT /F1 10 Tf 72 700 Td (Low-rank adaptation introduces a parameter-efficient fine-tuning approach,) Tj 0 -12 Td (which reduces the parameters requiring updates and considerably diminishes) Tj 0 -12 Td (the computational resources and time needed for fine-tuning the models.) Tj ET";
    let second = b"BT /F1 10 Tf 82 700 Td (In this work, we use the open-source model released by the company) Tj ET \
BT /F1 10 Tf 72 688 Td ([37] as our base model and fine-tune it using low-rank adaptation [36],) Tj 0 -12 Td (which has achieved good results in numerous code-related benchmarks.) Tj ET";
    let text = text_of(&pages(&[first, second]));
    assert!(
        text.contains("fine-tuning the models.\n\nIn this work, we use the open-source model released by the company [37] as our base model"),
        "{text}"
    );
}

#[test]
fn a_compound_of_a_word_and_a_common_second_part_keeps_its_hyphen() {
    // Written only here: `time-intensive`, `best-performing`; `out` closes up with what
    // follows (`outperforming`), and `in` is no word before `dependent`.
    let pdf = page(
        b"BT /F1 12 Tf 72 700 Td (Fine-tuning is costly and time-) Tj 0 -14 Td (intensive, so the best-) Tj 0 -14 Td (performing model, out-) Tj 0 -14 Td (performing the others, runs in-) Tj 0 -14 Td (dependent of them.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "Fine-tuning is costly and time-intensive, so the best-performing model, outperforming the others, runs independent of them.\n"
    );
}

#[test]
fn a_signature_set_flush_right_at_a_pages_foot_does_not_go_on_into_the_next_pages_title() {
    let first = b"BT /F1 11 Tf 72 700 Td (The decree takes effect on the day after its publication in the gazette and) Tj 0 -14 Td (is carried out as one of the laws of the state, as the council resolved.) Tj ET \
BT /F1 11 Tf 322.7 658 Td (Abdel Fattah Haddad) Tj ET";
    let second = b"BT /F1 11 Tf 138.4 700 Td (The Law on Hotel and Tourist Establishments) Tj ET \
BT /F1 11 Tf 72 672 Td (In applying the provisions of this law, a hotel establishment is any place) Tj 0 -14 Td (licensed by the competent ministry to receive and house guests for a fee.) Tj ET";
    let text = text_of(&pages(&[first, second]));
    assert!(
        text.contains("\n\nAbdel Fattah Haddad\n\nThe Law on Hotel and Tourist Establishments\n\n"),
        "{text}"
    );
}

#[test]
fn notes_under_raised_numbers_are_apart_though_the_first_ends_without_a_stop() {
    // Each note is an address, with no stop at its end (the next line looks like its
    // address going on); each number is set small and raised.
    let pdf = page(
        b"BT /F1 10 Tf 72 700 Td (We selected the top five hundred repositories on the platform and read) Tj 0 -12 Td (the issues of each of them, as the guidelines of the study describe.) Tj ET \
BT /F1 5 Tf 80 113 Td (1) Tj ET BT /F1 8 Tf 83 110 Td (https://github.com/influxdata/influxdb) Tj ET \
BT /F1 5 Tf 80 103 Td (2) Tj ET BT /F1 8 Tf 83 100 Td (https://github.com/conventional-commits/conventionalcommits.org/issues) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.contains("influxdata/influxdb\n\n2 https://github.com/conventional-commits/conventionalcommits.org/issues\n"),
        "{text}"
    );
}

#[test]
fn a_grid_row_whose_label_spans_columns_has_a_cell_for_each_column() {
    // Label columns of three levels; a label spans the columns it has no cell in (no rule
    // down parts them in its row), as a price index's table sets its groups.
    let mut content = String::new();
    let text = |x: f32, y: f32, s: &str| format!("BT /F1 9 Tf 1 0 0 1 {x} {y} Tm ({s}) Tj ET\n");
    let rows: [&[(f32, &str)]; 5] = [
        &[(75.0, "Group"), (313.0, "Weight")],
        &[(75.0, "All items"), (313.0, "100,00")],
        &[(75.0, "Analytical"), (153.0, "All goods"), (313.0, "48,68")],
        &[(153.0, "Administered"), (253.0, "Total"), (313.0, "16,42")],
        &[(253.0, "Regulated"), (313.0, "11,89")],
    ];
    for (i, cells) in rows.iter().enumerate() {
        let y = 690.0 - 14.0 * i as f32;
        for (x, s) in cells.iter() {
            content.push_str(&text(*x, y, s));
        }
    }
    for k in 0..=5 {
        let y = 700 - 14 * k;
        content.push_str(&format!("72 {y} m 360 {y} l S\n"));
    }
    // Down the table's edges and before the weights; between the label columns only where
    // the rows part them.
    for (x, top) in [(72, 700), (310, 700), (360, 700), (150, 672), (250, 658)] {
        content.push_str(&format!("{x} {top} m {x} 630 l S\n"));
    }
    let text = text_of(&page(content.as_bytes(), "", &[]));
    assert!(
        text.contains(
            "All items\t\t\t100,00\nAnalytical\tAll goods\t\t48,68\n\tAdministered\tTotal\t16,42\n\t\tRegulated\t11,89\n"
        ),
        "{text}"
    );
}

#[test]
fn notes_citing_volumes_and_pages_at_the_same_place_on_each_page_are_kept() {
    // Each page: a running head whose page number counts, the text, and one note at the
    // foot citing a report's year, volume and page (the same words, other numbers).
    let cites = [
        "(2013) 1 SCC 311.",
        "(1987) 1 SCC 424.",
        "(2017) 15 SCC 133.",
        "(1995) 1 SCC 680.",
    ];
    let contents: Vec<Vec<u8>> = cites
        .iter()
        .enumerate()
        .map(|(i, cite)| {
            format!(
                "BT /F1 10 Tf 72 760 Td ([2025] 12 S.C.R. {head}) Tj ET \
BT /F1 10.5 Tf 72 700 Td (The court held that the committee must inquire into each complaint,) Tj 0 -13 Td (as the statute requires and as the earlier decisions of this court hold.{n}) Tj ET \
BT /F1 7 Tf 51 100 Td ({n}) Tj 24 0 Td ({cite}) Tj ET",
                head = 511 + i,
                n = i + 1
            )
            .into_bytes()
        })
        .collect();
    let refs: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
    let text = text_of(&pages(&refs));
    for cite in cites {
        assert!(text.contains(cite), "{cite}: {text}");
    }
    assert!(!text.contains("S.C.R."), "{text}");
}

#[test]
fn a_short_line_ending_with_a_colon_after_a_sentences_end_is_a_heading() {
    // The paragraph's last line nearly fills the column: the heading's first word would not
    // have fitted after it.
    let pdf = page(
        b"BT /F1 10 Tf 72 700 Td (The permanent committee keeps a register of the accreditation offices,) Tj 0 -14 Td (and the regulations set out the data to be entered in the register.) Tj 0 -14 Td (Article 14:) Tj 0 -14 Td (The accreditation offices issue a certificate to each applicant for a) Tj 0 -14 Td (licence, valid for one year, stating that the establishment qualifies.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.contains("entered in the register.\n\nArticle 14:\n\nThe accreditation"),
        "{text}"
    );
}

#[test]
fn a_compound_after_a_figure_and_a_doi_broken_at_a_lines_end_are_whole() {
    let pdf = page(
        b"BT /F1 10 Tf 72 700 Td (The point cloud methods were designed for 360-) Tj 0 -12 Td (degree scanners, as the survey shows, DOI: 10.) Tj 0 -12 Td (1109/TRO.2012.2197158, and as later work confirms.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "The point cloud methods were designed for 360-degree scanners, as the survey shows, DOI: 10.1109/TRO.2012.2197158, and as later work confirms.\n"
    );
}

#[test]
fn a_short_line_ending_with_a_closing_quote_goes_on_before_a_word_in_small_letters() {
    let pdf = page(
        b"BT /F1 10 Tf 72 700 Td (The reasoning of the bench on the scheme is set out at length, and it is clear) Tj 0 -12 Td (from it that the court construed the phrase \\223Prize Chit\\224) Tj 0 -12 Td (in the earlier case, and we find no reason to depart from that reading.) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "The reasoning of the bench on the scheme is set out at length, and it is clear from it that the court construed the phrase \u{201C}Prize Chit\u{201D} in the earlier case, and we find no reason to depart from that reading.\n"
    );
}

/// A page of right-to-left lines, each given as `(left, right, baseline, size, text)` in
/// reading order: drawn as a PDF draws them, left to right, the figures of each number in
/// their own order, each char filling an equal share of the line (a space an empty one).
fn right_to_left_page(lines: &[(f32, f32, f32, f32, &str)]) -> super::pdf_glyphs::PageGlyphs {
    use super::pdf_glyphs::{Glyph, PageGlyphs};
    let mut page = PageGlyphs {
        number: 1,
        width: 612.0,
        height: 792.0,
        ..PageGlyphs::default()
    };
    for &(left, right, baseline, size, text) in lines {
        let mut visual: Vec<char> = text.chars().rev().collect();
        let mut k = 0;
        while k < visual.len() {
            let run = visual[k..].iter().take_while(|c| c.is_numeric()).count();
            visual[k..k + run.max(1)].reverse();
            k += run.max(1);
        }
        let share = (right - left) / visual.len() as f32;
        let mut spaced = false;
        for (k, &c) in visual.iter().enumerate() {
            if c == ' ' {
                spaced = true;
                continue;
            }
            let x0 = left + share * k as f32;
            page.glyphs.push(Glyph {
                x0,
                x1: x0 + share,
                baseline,
                size,
                text: page.chars.len() as u32,
                len: 1,
                space_before: spaced,
                hidden: false,
                clipped: false,
                weight: 0.0,
            });
            page.chars.push(c);
            spaced = false;
        }
    }
    page
}

#[test]
fn a_clauses_short_last_line_ending_in_a_dates_era_ends_it() {
    // A decree's clauses, each a full line and a short one at the right ending `هـ.` (the
    // era, its last letter stretched by a tatweel).
    let page = right_to_left_page(&[
        (
            77.2,
            534.8,
            611.0,
            14.4,
            "بناء على المادة السبعين من النظام الأساسي للحكم، الصادر بالأمر الملكي رقم وتاريخ",
        ),
        (441.8, 534.8, 630.2, 14.4, "٢٧ / ٨ / ١٤١٢ هـ."),
        (
            77.2,
            534.8,
            649.4,
            14.4,
            "وبناء على المادة العشرين من نظام مجلس الوزراء، الصادر بالأمر الملكي رقم وتاريخ ٣",
        ),
        (460.6, 534.8, 668.6, 14.4, "/ ٣ / ١٤١٤ هـ."),
        (
            77.2,
            534.8,
            687.8,
            14.4,
            "وبناء على المادة الثامنة عشرة من نظام مجلس الشورى، الصادر بالأمر الملكي رقم",
        ),
        (407.5, 534.8, 707.0, 14.4, "وتاريخ ٢٧ / ٨ / ١٤١٢ هـ."),
    ]);
    let (text, _) = super::pdf_text::assemble(&[page], Instant::now() + Duration::from_secs(60))
        .expect("in time");
    assert_eq!(
        text,
        "بناء على المادة السبعين من النظام الأساسي للحكم، الصادر بالأمر الملكي رقم وتاريخ ٢٧ / ٨ / ١٤١٢ هـ.\n\n\
وبناء على المادة العشرين من نظام مجلس الوزراء، الصادر بالأمر الملكي رقم وتاريخ ٣ / ٣ / ١٤١٤ هـ.\n\n\
وبناء على المادة الثامنة عشرة من نظام مجلس الشورى، الصادر بالأمر الملكي رقم وتاريخ ٢٧ / ٨ / ١٤١٢ هـ.\n"
    );
}

#[test]
fn a_signatures_lines_stretched_to_one_width_are_lines_of_their_own() {
    let page = right_to_left_page(&[
        (
            182.8,
            540.2,
            250.0,
            16.0,
            "يُنشر هذا المرسوم بقانون في الجريدة الرسمية، ويُعمل به من تاريخ نشره في الدولة",
        ),
        (300.0, 540.2, 272.0, 16.0, "وعلى الجهات المعنية تنفيذه."),
        (
            41.0,
            260.8,
            435.2,
            19.0,
            "محمـــــد بـــــن زايـــــد آل نهيـــــان",
        ),
        (
            41.0,
            260.8,
            461.7,
            19.0,
            "رئــيس دولــة الإمــارات العربيــة المتحــدة",
        ),
    ]);
    let (text, _) = super::pdf_text::assemble(&[page], Instant::now() + Duration::from_secs(60))
        .expect("in time");
    assert!(
        text.ends_with("\n\nمحمـــــد بـــــن زايـــــد آل نهيـــــان\n\nرئــيس دولــة الإمــارات العربيــة المتحــدة\n"),
        "{text}"
    );
}

#[test]
fn a_web_address_wrapped_in_a_ruled_tables_cell_reads_whole() {
    // A narrow cell breaks the address wherever its edge falls, with no hyphen.
    let mut content = String::new();
    let text = |x: f32, y: f32, s: &str| format!("BT /F1 9 Tf 1 0 0 1 {x} {y} Tm ({s}) Tj ET\n");
    let rows: [(f32, [&str; 2], &[&str]); 3] = [
        (690.0, ["Source", "Kind"], &["Address"]),
        (
            676.0,
            ["State auditor", "Reports"],
            &["https://ww", "w.example.org/", "reports/2024"],
        ),
        (640.0, ["Open data", "Tables"], &["data.example.org"]),
    ];
    for (y, cells, address) in rows {
        content.push_str(&text(75.0, y, cells[0]));
        content.push_str(&text(163.0, y, cells[1]));
        for (k, piece) in address.iter().enumerate() {
            content.push_str(&text(243.0, y - 11.0 * k as f32, piece));
        }
    }
    for y in [700, 686, 650, 628] {
        content.push_str(&format!("72 {y} m 310 {y} l S\n"));
    }
    for x in [72, 160, 240, 310] {
        content.push_str(&format!("{x} 700 m {x} 628 l S\n"));
    }
    let text = text_of(&page(content.as_bytes(), "", &[]));
    assert!(
        text.contains("State auditor\tReports\thttps://www.example.org/reports/2024\n"),
        "{text}"
    );
}

#[test]
fn a_tables_title_set_apart_from_its_number_goes_on_in_the_line_under_its_words() {
    let pdf = page(
        b"BT /F1 9 Tf 1 0 0 1 36 700 Tm (Table 17.) Tj 1 0 0 1 84 700 Tm (Actual and projected numbers for the pupil/teacher ratios in schools, by control of) Tj ET \
BT /F1 9 Tf 1 0 0 1 84 689 Tm (school: Fall 1996 through fall 2021) Tj ET \
BT /F1 9 Tf 1 0 0 1 36 672 Tm (Year) Tj 1 0 0 1 150 672 Tm (Total) Tj 1 0 0 1 220 672 Tm (Public) Tj 1 0 0 1 290 672 Tm (Private) Tj ET \
BT /F1 9 Tf 1 0 0 1 36 660 Tm (1996) Tj 1 0 0 1 150 660 Tm (17.1) Tj 1 0 0 1 220 660 Tm (17.3) Tj 1 0 0 1 290 660 Tm (15.5) Tj ET \
BT /F1 9 Tf 1 0 0 1 36 648 Tm (1997) Tj 1 0 0 1 150 648 Tm (16.8) Tj 1 0 0 1 220 648 Tm (16.8) Tj 1 0 0 1 290 648 Tm (15.2) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.starts_with(
            "Table 17.\tActual and projected numbers for the pupil/teacher ratios in schools, by control of school: Fall 1996 through fall 2021\n\nYear\tTotal"
        ),
        "{text}"
    );
}

#[test]
fn a_title_centred_over_two_lines_is_one_heading_and_its_authors_lines_stay_apart() {
    // Helvetica 20: the first line is about 460 points wide, the second centred under it;
    // the text starts right under it, back at the column's edge.
    let pdf = page(
        b"BT /F1 20 Tf 76 720 Td (Energy Efficient Routing Protocols for Zone) Tj ET \
BT /F1 20 Tf 160.5 697 Td (Based Sensor Networks) Tj ET \
BT /F1 10 Tf 72 665 Td (Mobility in sensor networks has not only expanded the role of sensor networks but has) Tj 0 -12 Td (also given a whole new dimension to all research areas in the field of routing.) Tj ET \
BT /F1 10 Tf 262 600 Td (Usama Ahmed) Tj ET \
BT /F1 10 Tf 150 588 Td (Information Security Department, College of Signals, Islamabad) Tj ET \
BT /F1 10 Tf 243 576 Td (usama@example.edu.pk) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.starts_with(
            "Energy Efficient Routing Protocols for Zone Based Sensor Networks\n\nMobility"
        ),
        "{text}"
    );
    assert!(
        text.ends_with("Usama Ahmed\n\nInformation Security Department, College of Signals, Islamabad\n\nusama@example.edu.pk\n"),
        "{text}"
    );
}

#[test]
fn authors_set_side_by_side_over_two_columns_are_read_before_the_columns() {
    let mut content = String::new();
    let at = |x: f32, y: f32, size: f32, s: &str| {
        format!("BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({s}) Tj ET\n")
    };
    // Each author's block centred in its column, on the same baselines.
    for (k, (left, right)) in [
        ("Usama Ahmed", "Faisal Hussain"),
        (
            "Information Security Department",
            "Computer Sciences Department",
        ),
        ("usama@example.edu.pk", "faisal@example.edu.pk"),
    ]
    .iter()
    .enumerate()
    {
        let y = 700.0 - 12.0 * k as f32;
        let half = |s: &str| 2.4 * s.len() as f32;
        content.push_str(&at(184.0 - half(left), y, 10.0, left));
        content.push_str(&at(427.0 - half(right), y, 10.0, right));
    }
    let left = [
        "Mobility in sensor networks has not only",
        "expanded the role of sensor networks but has",
        "also given a whole new dimension to all of the",
        "research areas. Extra vigilance and unique",
        "approaches are required to address concerns",
        "raised by mobility. It brings many advance",
        "concepts to",
    ];
    let right = [
        "perception entirely shifting the paradigm of",
        "research and development. Novel approaches",
        "are required to address the issues raised by",
        "unpredictable movements of the nodes. One of",
        "the prime concerns is the routing of data to",
        "the base station of the whole network today.",
        "Frequent movements result in path breakage.",
    ];
    for (k, (l, r)) in left.iter().zip(&right).enumerate() {
        let y = 650.0 - 11.0 * k as f32;
        content.push_str(&at(72.0, y, 9.0, l));
        content.push_str(&at(314.0, y, 9.0, r));
    }
    let text = text_of(&page(content.as_bytes(), "", &[]));
    assert!(
        text.starts_with("Usama Ahmed\n\nInformation Security Department\n\nusama@example.edu.pk\n\nFaisal Hussain\n\n"),
        "{text}"
    );
    assert!(text.contains("concepts to perception entirely"), "{text}");
}

#[test]
fn a_running_head_numbered_in_arabic_indic_figures_is_left_out() {
    // A gazette's head, its page number in Arabic-Indic figures at the right or the left;
    // a sentence goes on over each page break.
    let pages: Vec<super::pdf_glyphs::PageGlyphs> = ["٣", "٤", "٥", "٦"]
        .iter()
        .enumerate()
        .map(|(k, number)| {
            let (head_x, number_x) = if k % 2 == 0 {
                (120.0, 470.0)
            } else {
                (166.0, 130.0)
            };
            let mut lines = vec![
                (
                    head_x,
                    head_x + 305.0,
                    149.4,
                    13.0,
                    "الجريدة الرسمية – العدد ٦ مكرر فى ١٢ فبراير سنة ٢٠٢٥",
                ),
                (number_x, number_x + 7.0, 149.4, 13.0, *number),
            ];
            // Each page its own words.
            let body: [[&str; 2]; 4] = [
                [
                    "يلتزم الممولون الراغبون فى الاستفادة من أحكام هذا القانون بتقديم طلب إلى",
                    "المصلحة خلال ستة أشهر من تاريخ العمل به، وعلى المصلحة إخطار الممول",
                ],
                [
                    "بما تم فى طلبه خلال ثلاثين يوما من تاريخ تقديمه وفقا لأحكام هاتين",
                    "المادتين، وغير ذلك من البيانات اللازمة على النموذج المعد لذلك من",
                ],
                [
                    "قبل الوزير المختص، ويصدر بالنموذج قرار منه خلال شهر من تاريخ نشر",
                    "هذا القانون فى الجريدة الرسمية، ويعمل به من اليوم التالى لتاريخ",
                ],
                [
                    "نشره، ويبصم هذا القانون بخاتم الدولة، وينفذ كقانون من قوانينها",
                    "صدر برئاسة الجمهورية فى الثانى عشر من شهر فبراير لسنة ألفين",
                ],
            ];
            for (j, text) in body[k].iter().enumerate() {
                lines.push((120.0, 475.0, 182.5 + 20.0 * j as f32, 13.0, text));
            }
            right_to_left_page(&lines)
        })
        .enumerate()
        .map(|(k, mut p)| {
            p.number = k as u32 + 1;
            p
        })
        .collect();
    let (text, _) = super::pdf_text::assemble(&pages, Instant::now() + Duration::from_secs(60))
        .expect("in time");
    assert!(!text.contains("الجريدة الرسمية – العدد"), "{text}");
    assert!(text.contains("لأحكام هاتين المادتين، وغير ذلك"), "{text}");
}

#[test]
fn a_court_captions_lines_stand_apart_and_its_parties_keep_their_tab_stop() {
    // A judgment's caption over its double-spaced text: `REPORTABLE` flush right, the
    // court's name centred under it, a centred line in brackets, then each party with its
    // role set far along the line at a tab stop.
    let mut s = String::from(
        "BT /F1 12 Tf 374.1 740 Td (REPORTABLE) Tj ET \
         BT /F1 12 Tf 175.7 717 Td (IN THE SUPREME COURT OF INDIA) Tj ET \
         BT /F1 12 Tf 180 694 Td (CIVIL APPELLATE JURISDICTION) Tj ET \
         BT /F1 12 Tf 127 680 Td ([Arising out of Special Leave Petition No. 13129 of 2021]) Tj ET \
         BT /F1 12 Tf 100 652 Td (ARCELOR MITTAL STEEL INDIA LTD.) Tj 290 0 Td (Appellant) Tj ET \
         BT /F1 12 Tf 260 624 Td (Versus) Tj ET \
         BT /F1 12 Tf 100 596 Td (ESSAR BULK TERMINAL LTD.) Tj 290 0 Td (Respondent) Tj ET \
         BT /F1 12 Tf 100 540 Td (The short question of law raised in this appeal is whether the Court) Tj ",
    );
    for _ in 0..8 {
        s.push_str(
            "0 -28 Td (has the power to entertain an application once a Tribunal has been) Tj ",
        );
    }
    s.push_str("0 -28 Td (constituted.) Tj ET");
    let text = text_of(&page(s.as_bytes(), "", &[]));
    let paragraphs: Vec<&str> = text.split("\n\n").take(7).collect();
    assert_eq!(
        paragraphs,
        [
            "REPORTABLE",
            "IN THE SUPREME COURT OF INDIA",
            "CIVIL APPELLATE JURISDICTION",
            "[Arising out of Special Leave Petition No. 13129 of 2021]",
            "ARCELOR MITTAL STEEL INDIA LTD.\tAppellant",
            "Versus",
            "ESSAR BULK TERMINAL LTD.\tRespondent",
        ],
        "{text}"
    );
}

#[test]
fn a_web_address_broken_inside_its_query_at_a_lines_end_reads_whole() {
    // A note's address runs to the column's edge and breaks inside a value of its query;
    // the next line goes on with the rest of it, then with the sentence.
    let content = "BT /F1 10 Tf 72 700 Td (Moreover, the offender search on the website has revealed the dates. See) Tj \
        0 -12 Td (http://example.state.ok.us/servlet/page?_pageid=394&_dad=portal30&_schema=PORTA) Tj \
        0 -12 Td (L30&doc_num=489669&book_id=286523. These dates are more logical, given the plea.) Tj ET";
    let text = text_of(&page(content.as_bytes(), "", &[]));
    assert!(
        text.contains("&_schema=PORTAL30&doc_num=489669&book_id=286523. These dates"),
        "{text}"
    );
}

#[test]
fn a_paragraph_justified_narrower_than_the_lines_over_it_goes_on_in_a_short_word() {
    // An abstract set narrower than the addresses over it: its full lines end well short of
    // the addresses' edge, and its last line holds a short word in capitals.
    let mut s = String::from("BT /F1 10 Tf 55 700 Td ");
    for _ in 0..4 {
        s.push_str("(Developmental Research Group, School of Medicine, University of Glasgow, Dalnair Street, UK) Tj 0 -13 Td ");
    }
    s.push_str("0 -6 Td (Areas of agreement: most girls require hormone replacement from puberty) Tj 0 -13 Td ");
    for _ in 0..3 {
        s.push_str("(onwards, which is important for health and for the development of bones) Tj 0 -13 Td ");
    }
    s.push_str(
        "(TS is needed.) Tj 0 -19 Td (Areas of controversy: several questions remain.) Tj ET",
    );
    let text = text_of(&page(s.as_bytes(), "", &[]));
    assert!(
        text.contains("development of bones TS is needed.\n\nAreas of controversy"),
        "{text}"
    );
}

#[test]
fn wordperfects_typographic_font_reads_as_the_quotes_and_dashes_it_draws() {
    // The font names its glyphs by letters (`A`, `@`, `B`) and the PDF gives no map.
    let text = text_of(&fixture("wordperfect-symbols.pdf"));
    assert_eq!(
        text,
        "The order bears the notation – (unpublished) and calls it “binding precedent”.\n"
    );
}

/// Two columns of a study's text in 10 points, `n` lines each from `top`, the left one
/// starting with `first` and the right one ending with `last`.
fn study_columns(top: f32, n: usize, first: &str, last: &str) -> String {
    let mut s = String::new();
    for (x, column) in [(54.0, 0), (300.0, 1)] {
        s.push_str(&format!("BT /F1 10 Tf {x} {top} Td "));
        for l in 0..n {
            let line = match (column, l) {
                (0, 0) => first,
                (1, l) if l + 1 == n => last,
                _ => "and the clinic keeps the records of each",
            };
            s.push_str(&format!("({line}) Tj 0 -13 Td "));
        }
        s.push_str("ET ");
    }
    s
}

/// A table of `rows` rows of three cells in 8 points, its caption at `y` over them.
fn small_table(y: f32, rows: usize) -> String {
    let mut s =
        format!("BT /F1 8.2 Tf 54 {y} Td (Table 5 Suggested assessment before transition) Tj ET ");
    for r in 0..rows {
        let y = y - 20.0 - 11.5 * r as f32;
        s.push_str(&format!(
            "BT /F1 8 Tf 54 {y} Td (Auxology {r}) Tj 120 0 Td (Height, weight) Tj 190 0 Td (Height and weight {r}) Tj ET "
        ));
    }
    s
}

#[test]
fn a_table_at_a_pages_foot_waits_for_the_sentence_going_on_over_the_page() {
    // Two columns of text over a table across the page; the right column stops inside a
    // sentence, which goes on at the next page's top.
    let one = study_columns(
        720.0,
        20,
        "Young adults should be seen in clinics",
        "and the clinics keep the records and with",
    ) + &small_table(420.0, 8);
    let two = study_columns(
        720.0,
        20,
        "access to other professionals. Many",
        "will be involved.",
    );
    let text = text_of(&pages(&[one.as_bytes(), two.as_bytes()]));
    assert!(
        text.contains("records and with access to other professionals."),
        "{text}"
    );
    let table = text.find("Table 5").unwrap();
    assert!(table > text.find("will be involved.").unwrap(), "{text}");
}

#[test]
fn a_table_at_a_pages_top_with_small_notes_under_it_waits_for_the_sentence() {
    // A table across the page's top, its notes set small under it, then two columns of
    // text: the left one goes on with the sentence the page before stopped inside.
    let one = study_columns(
        720.0,
        40,
        "The regimen for the induction",
        "in these girls remains a controversial",
    );
    let two = small_table(740.0, 6)
        + "BT /F1 7 Tf 54 600 Td (aNorethisterone 5 mg daily for the first five days of each calendar month when the dose reaches ten or when breakthrough) Tj 0 -10 Td (bleeding occurs, whichever is the sooner.) Tj ET "
        + &study_columns(
            570.0,
            20,
            "issue. The timing of introduction",
            "will be involved.",
        );
    let text = text_of(&pages(&[one.as_bytes(), two.as_bytes()]));
    assert!(
        text.contains("remains a controversial issue. The timing"),
        "{text}"
    );
}

#[test]
fn a_tables_note_letter_set_small_and_raised_reads_as_a_superscript() {
    // A cell's figure with its note's letter raised after it, at the cell's end; the note
    // under the table, its letter raised before its first word (two letters for the second
    // note, before a bracket); an ordinal's ending raised
    // before the word it goes on with stays letters.
    let content = "BT /F1 8 Tf 72 700 Td (Oral dose) Tj 120 0 Td (6/8/10) Tj /F1 5.3 Tf 3 Ts (a) Tj /F1 8 Tf 0 Ts 60 0 Td (50) Tj ET \
        BT /F1 4.7 Tf 72 683 Td 3 Ts (a) Tj /F1 7 Tf 0 Ts (Norethisterone 5 mg daily for the first five days of each month.) Tj ET \
        BT /F1 4.7 Tf 72 670 Td 3 Ts (ii) Tj /F1 7 Tf 0 Ts (\\(Territories\\) include areas and other places of like status.) Tj ET \
        BT /F1 10 Tf 72 650 Td (It is the 3) Tj /F1 6 Tf 3.6 Ts (rd) Tj /F1 10 Tf 0 Ts ( edition of the book.) Tj ET";
    let text = text_of(&page(content.as_bytes(), "", &[]));
    assert!(text.contains("6/8/10ᵃ 50"), "{text}");
    assert!(text.contains("ᵃ Norethisterone 5 mg"), "{text}");
    assert!(text.contains("ⁱⁱ(Territories) include"), "{text}");
    assert!(text.contains("the 3rd edition"), "{text}");
}

#[test]
fn a_notes_number_raised_a_space_after_a_closing_quote_reads_as_superscript() {
    // A word processor's note mark typed after a space that follows a closing quote.
    let content = "BT /F1 14 Tf 72 700 Td 1.5 Tw (as held in the case of Kirmani\" ) Tj 0 Tw /F1 9 Tf 5 Ts (2) Tj /F1 14 Tf 0 Ts ( has already ruled on it.) Tj ET";
    let text = text_of(&page(content.as_bytes(), "", &[]));
    assert!(text.contains("Kirmani\" ² has already"), "{text}");
}

#[test]
fn a_signature_on_a_judgments_last_page_of_few_lines_is_a_line_each() {
    // The last page holds the judgment's last word and its signature block, set flush left
    // from past the middle, double-spaced: measured by the text's column on the pages
    // before, each signature line stops well short of it.
    let mut one = String::from("BT /F1 12 Tf 72 720 Td ");
    for _ in 0..20 {
        one.push_str("(and the court went on to say more about the rule in this case and about that one too,) Tj 0 -28 Td ");
    }
    one.push_str("(so the order is) Tj ET");
    let two = "BT /F1 12 Tf 108 720 Td (AFFIRMED.) Tj ET \
        BT /F1 12 Tf 288 692 Td (Entered by the Court:) Tj 0 -28 Td (Terrence L. Brien) Tj 0 -14 Td (United States Circuit Judge) Tj ET";
    let text = text_of(&pages(&[one.as_bytes(), two.as_bytes()]));
    assert!(
        text.ends_with("AFFIRMED.\n\nEntered by the Court:\n\nTerrence L. Brien\n\nUnited States Circuit Judge\n"),
        "{text}"
    );
}

#[test]
fn a_heading_in_bold_that_fills_its_line_stands_apart_from_its_paragraph() {
    // A study's section heading in Courier-Bold, as long as the lines of the text in
    // Courier, between the end of a paragraph and the next one; and, in a paragraph of its
    // own, a case's name in bold that runs over a whole line of a sentence.
    let mut s = String::from("BT /F1 10 Tf 72 720 Td 12 TL ");
    let lines = [
        "(We fitted the model to the sizes measured in the seventy patients treated) Tj T*",
        "(with the drug, and kept the sizes measured in the rest for the checks.) Tj T*",
        "/F2 10 Tf (Mathematical model of the response of the tumour to the new drug) Tj T*",
        "/F1 10 Tf (Inclusion of a resistance term for the tissue that grows resulted in) Tj T*",
        "(a better fit of the model than the one without it, by two hundred points.) Tj T*",
        "( ) Tj T*",
        "(The court relied on what it held in the earlier case of Collector of) Tj T*",
        "/F2 10 Tf (Customs, Bombay v Ramchand Sobhraj Wadhwani and Another Respondent) Tj T*",
        "/F1 10 Tf (Accordingly, the party cannot allege that the remedy is of no use to it.) Tj",
    ];
    for line in lines {
        s.push_str(line);
        s.push(' ');
    }
    s.push_str("ET");
    let pdf = build(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold /Encoding /WinAnsiEncoding >>".to_vec(),
        stream("", s.as_bytes()),
    ]);
    let text = text_of(&pdf);
    assert!(
        text.contains(
            "for the checks.\n\nMathematical model of the response of the tumour to the new drug\n\nInclusion of a resistance term"
        ),
        "{text}"
    );
    assert!(
        text.contains("earlier case of Collector of Customs, Bombay v Ramchand Sobhraj Wadhwani and Another Respondent Accordingly, the party"),
        "{text}"
    );
}

#[test]
fn a_heading_in_bold_run_into_its_paragraph_starts_a_paragraph_after_a_full_line() {
    // A study's paragraph ends on a full line; the next opens with its heading in
    // Courier-Bold, run into its first line. A case's name in bold that starts a line
    // inside a sentence (after an abbreviation of its own) goes on in its paragraph.
    let mut s = String::from("BT /F1 10 Tf 72 720 Td 12 TL ");
    let lines = [
        "(We fitted the model to the sizes measured in the seventy patients treated) Tj T*",
        "(with the drug, and kept the sizes measured for the checks made by hand.) Tj T*",
        "/F2 10 Tf (Valleys In Profiles.) Tj /F1 10 Tf ( For simplicity, let us take the profile of) Tj T*",
        "(the boxes on the page as an example of what the cut does with the page.) Tj T*",
        "( ) Tj T*",
        "(The court relied on what it held in the earlier case of Collector of Sri.) Tj T*",
        "/F2 10 Tf (Tufan Chatterjee v.) Tj /F1 10 Tf ( Rangan Dhar, where it held what the) Tj T*",
        "(remedy is, as it did in the case that the Collector named, Nagrik Coop.) Tj T*",
        "/F2 10 Tf (Balasinor Bank Ltd.) Tj /F1 10 Tf ( \\(Supra\\) and in the case of the one) Tj T*",
        "(remedy is, and the party cannot allege that the remedy is of no use.) Tj",
    ];
    for line in lines {
        s.push_str(line);
        s.push(' ');
    }
    s.push_str("ET");
    let pdf = build(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold /Encoding /WinAnsiEncoding >>".to_vec(),
        stream("", s.as_bytes()),
    ]);
    let text = text_of(&pdf);
    assert!(
        text.contains("made by hand.\n\nValleys In Profiles. For simplicity, let us take"),
        "{text}"
    );
    assert!(
        text.contains("earlier case of Collector of Sri. Tufan Chatterjee v. Rangan Dhar, where"),
        "{text}"
    );
    assert!(
        text.contains("Collector named, Nagrik Coop. Balasinor Bank Ltd. (Supra) and in the case"),
        "{text}"
    );
}

#[test]
fn a_superscript_stacked_over_a_subscript_reads_over_it_where_it_stands() {
    // `{[yⁱ1, yⁱ2]}`: each `ⁱ` drawn raised after its `y`, then the subscript drawn under it
    // in one run with the text after it (`₁, y`), as TeX sets them.
    let pdf = courier_page(
        "BT /F1 10 Tf 1 0 0 1 72 720 Tm (We took the intervals {[y) Tj \
         /F1 7 Tf 1 0 0 1 222.35 723.6 Tm (i) Tj \
         1 0 0 1 222 717.5 Tm (1) Tj /F1 10 Tf 1 0 0 1 226.2 720 Tm (, y) Tj \
         /F1 7 Tf 1 0 0 1 244.55 723.6 Tm (i) Tj \
         1 0 0 1 244.2 717.5 Tm (2) Tj /F1 10 Tf 1 0 0 1 248.4 720 Tm (]} of the boxes.) Tj ET",
    );
    let text = text_of(&pdf);
    assert!(
        text.contains("We took the intervals {[yⁱ1, yⁱ2]} of the boxes."),
        "{text}"
    );
}

#[test]
fn boxes_of_key_figures_side_by_side_read_each_box_whole() {
    // A report's row of key figures: each label in a filled box over two or three lines,
    // its figure in the box beside it, on the label's middle line; a sentence under them.
    let pdf = courier_page(
        "0.2 0.4 0.7 rg 72 600 60 40 re f 1 0.85 0.4 rg 132 600 50 40 re f \
         0.2 0.4 0.7 rg 200 600 70 40 re f 1 0.85 0.4 rg 270 600 30 40 re f 0 g \
         BT /F1 8 Tf 1 0 0 1 76 628 Tm (Reported) Tj 1 0 0 1 76 619 Tm (Dengue) Tj \
         1 0 0 1 76 610 Tm (Cases) Tj /F1 10 Tf 1 0 0 1 140 619 Tm (12644) Tj \
         /F1 8 Tf 1 0 0 1 204 624 Tm (Verified) Tj 1 0 0 1 204 614 Tm (Deaths) Tj \
         /F1 10 Tf 1 0 0 1 280 619 Tm (6) Tj \
         1 0 0 1 72 570 Tm (The cases rose in every province this month.) Tj ET",
    );
    let text = text_of(&pdf);
    assert!(
        text.starts_with("Reported Dengue Cases\t12644\tVerified Deaths\t6\n\nThe cases rose"),
        "{text}"
    );
}

#[test]
fn a_table_ruled_across_under_boxed_headings_reads_each_row_whole() {
    // A report's table: headings in filled boxes (one over two lines), rules across
    // between the rows, each figure over its share in brackets and the region's name and
    // the change between them.
    let mut content = String::from(
        "0.2 0.4 0.7 rg 72 700 100 30 re f 172 700 100 30 re f 272 700 100 30 re f 0 g \
         0.5 w 72 672 m 372 672 l S 72 644 m 372 644 l S 72 616 m 372 616 l S \
         BT /F1 9 Tf 1 0 0 1 76 712 Tm (Region) Tj 1 0 0 1 176 719 Tm (New cases) Tj \
         1 0 0 1 176 706 Tm (\\(%\\)) Tj 1 0 0 1 276 712 Tm (Change) Tj ",
    );
    for (k, (region, figure, share, change)) in [
        ("Americas", "804 735", "(35%)", "6%"),
        ("Asia", "575 763", "(25%)", "-6%"),
        ("Europe", "694 275", "(31%)", "34%"),
    ]
    .into_iter()
    .enumerate()
    {
        let top = 700 - 28 * k as i32;
        let escape = |t: &str| t.replace('(', "\\(").replace(')', "\\)");
        content.push_str(&format!(
            "1 0 0 1 76 {} Tm ({region}) Tj 1 0 0 1 200 {} Tm ({figure}) Tj 1 0 0 1 206 {} Tm ({}) Tj 1 0 0 1 300 {} Tm ({change}) Tj ",
            top - 16,
            top - 11,
            top - 22,
            escape(share),
            top - 16
        ));
    }
    content.push_str("ET");
    let text = text_of(&courier_page(&content));
    assert!(
        text.contains(
            "Region\tNew cases (%)\tChange\nAmericas\t804 735 (35%)\t6%\nAsia\t575 763 (25%)\t-6%\nEurope\t694 275 (31%)\t34%\n"
        ),
        "{text}"
    );
}

#[test]
fn rules_around_groups_of_rows_under_boxed_headings_part_no_row() {
    // The same headings, rules across around each region's rows: a region's total over its
    // first country's row, two figures in a column, are two rows.
    let mut content = String::from(
        "0.2 0.4 0.7 rg 72 700 100 30 re f 172 700 100 30 re f 272 700 100 30 re f 0 g \
         0.5 w 72 672 m 372 672 l S 72 644 m 372 644 l S 72 616 m 372 616 l S \
         BT /F1 9 Tf 1 0 0 1 76 712 Tm (Region) Tj 1 0 0 1 176 719 Tm (New cases) Tj \
         1 0 0 1 176 706 Tm (in 7 days) Tj 1 0 0 1 276 712 Tm (Deaths) Tj ",
    );
    for (k, (total, country)) in [
        (("Americas", "804735", "17399"), ("Peru", "27 514", "911")),
        (("Europe", "694275", "6172"), ("Spain", "10 827", "443")),
        (("Africa", "29169", "991"), ("Kenya", "1 596", "60")),
    ]
    .into_iter()
    .enumerate()
    {
        let top = 700 - 28 * k as i32;
        for (j, (name, cases, deaths)) in [total, country].into_iter().enumerate() {
            let y = top - 11 - 12 * j as i32;
            content.push_str(&format!(
                "1 0 0 1 76 {y} Tm ({name}) Tj 1 0 0 1 200 {y} Tm ({cases}) Tj 1 0 0 1 300 {y} Tm ({deaths}) Tj "
            ));
        }
    }
    content.push_str("ET");
    let text = text_of(&courier_page(&content));
    assert!(
        text.contains("Americas\t804735\t17399\nPeru\t27 514\t911\n"),
        "{text}"
    );
}

#[test]
fn boxed_headings_over_a_boxed_first_row_read_box_by_box() {
    // A table's headings in filled boxes, some over two lines, and right under them its
    // first row (a region's total), each cell a box of one line.
    let pdf = courier_page(
        "0.2 0.4 0.7 rg 72 700 100 30 re f 172 700 100 30 re f 272 700 100 30 re f \
         0.3 0.6 0.8 rg 72 685 100 15 re f 172 685 100 15 re f 272 685 100 15 re f 0 g \
         BT /F1 9 Tf 1 0 0 1 76 712 Tm (Country) Tj 1 0 0 1 176 719 Tm (New cases) Tj \
         1 0 0 1 176 706 Tm (in 7 days) Tj 1 0 0 1 276 712 Tm (Deaths) Tj \
         1 0 0 1 76 689 Tm (Africa) Tj 1 0 0 1 176 689 Tm (29169) Tj 1 0 0 1 276 689 Tm (991) Tj ET",
    );
    let text = text_of(&pdf);
    assert!(
        text.starts_with("Country\tNew cases in 7 days\tDeaths\nAfrica\t29169\t991\n"),
        "{text}"
    );
}

#[test]
fn a_short_line_set_far_in_ends_its_paragraph_before_a_line_at_the_left() {
    // A ruling's award: an item's figure, its reckoning set in under it, then the court's
    // next paragraph from the left edge.
    let text = text_of(&courier_page(
        "BT /F1 10 Tf 12 TL 1 0 0 1 72 720 Tm (The court finds the award for the loss of future earnings is RM 108,000) Tj \
         1 0 0 1 330 708 Tm (\\(1500/2 x 144 months\\)) Tj \
         1 0 0 1 72 696 Tm (Accordingly, the court holds that the award allowed is fair and just in) Tj \
         1 0 0 1 72 684 Tm (law.) Tj ET",
    ));
    assert!(
        text.contains("(1500/2 x 144 months)\n\nAccordingly, the court"),
        "{text}"
    );
}

#[test]
fn items_bulleted_with_an_o_under_an_item_are_each_an_item() {
    // A bulleted item, then items under it bulleted with an `o` (Courier New's letter), one
    // going on over a second line under its text.
    let text = text_of(&courier_page(
        "BT /F1 10 Tf 1 0 0 1 72 720 Tm (\\225) Tj 1 0 0 1 82 720 Tm (At the meeting the Director highlighted some of the key actions taken:) Tj \
         1 0 0 1 108 706 Tm (o) Tj 1 0 0 1 118 706 Tm (Declaring an emergency of international concern on 30 January;) Tj \
         1 0 0 1 108 692 Tm (o) Tj 1 0 0 1 118 692 Tm (Publishing the first plan four days later;) Tj \
         1 0 0 1 108 678 Tm (o) Tj 1 0 0 1 118 678 Tm (Building country capacity by providing free training in 133 courses on) Tj \
         1 0 0 1 118 664 Tm (OpenWHO.org;) Tj \
         1 0 0 1 108 650 Tm (o) Tj 1 0 0 1 118 650 Tm (Sending expert missions to more than 130 countries.) Tj ET",
    ));
    assert!(
        text.contains("later;\n\no Building country capacity by providing free training in 133 courses on OpenWHO.org;\n\no Sending"),
        "{text}"
    );
}

#[test]
fn an_algorithms_steps_numbered_one_after_another_are_each_a_line() {
    // Steps that fill their lines, each ending on a stop, numbered without a colon.
    let text = text_of(&courier_page(
        "BT /F1 10 Tf 12 TL 72 720 Td (11 A <- processBootstrapResult\\(A, br\\) // bootstrap the model here.) Tj T* \
         (12 M <- minStateMem\\(SUT, H, M\\) // Section 5.3 of the paper says how.) Tj T* \
         (13 n <- 1 // current maximal query length, which grows on each round.) Tj T* \
         (14 repeat) Tj ET",
    ));
    assert!(
        text.contains("says how.\n\n13 n <- 1 // current maximal query length"),
        "{text}"
    );
}

#[test]
fn a_commas_space_squeezed_in_a_justified_line_is_a_space() {
    // A justified line squeezes its spaces: the one after `Now,` is an eighth of the size;
    // the letters of its words touch, and `1,000` has no gap at all.
    let text = text_of(&courier_page(
        "BT /F1 10 Tf 1 0 0 1 72 720 Tm (Now,) Tj 1 0 0 1 97.2 720 Tm (you might think the 1,000 copies were sold.) Tj ET",
    ));
    assert_eq!(text, "Now, you might think the 1,000 copies were sold.\n");
}

#[test]
fn an_item_whose_label_is_set_apart_goes_on_under_its_text() {
    // A ruling set double-spaced: a paragraph, then its items: the label, a gap, the text to
    // the column's edge, and the item's next line under its text.
    let mut content = String::from("BT /F1 10 Tf ");
    for k in 0..8 {
        content.push_str(&format!(
            "1 0 0 1 72 {} Tm (The court sets the rates of interest on the sums awarded as follows in) Tj ",
            740 - 24 * k
        ));
    }
    content.push_str(
        "1 0 0 1 72 548 Tm (this case:) Tj \
         1 0 0 1 72 524 Tm (ii\\)) Tj 1 0 0 1 108 524 Tm (2.5 % a year on the special damages from the date of accident to) Tj \
         1 0 0 1 108 500 Tm (the date of judgment.) Tj \
         1 0 0 1 72 476 Tm (iii\\)) Tj 1 0 0 1 108 476 Tm (5% a year on the whole judgment sum from the day it is made until) Tj \
         1 0 0 1 108 452 Tm (full settlement.) Tj ET",
    );
    let text = text_of(&courier_page(&content));
    assert!(
        text.contains("from the date of accident to the date of judgment.\n\niii)"),
        "{text}"
    );
    assert!(
        text.ends_with("from the day it is made until full settlement.\n"),
        "{text}"
    );
}

#[test]
fn a_note_set_flush_right_under_a_quotation_ends_its_paragraph() {
    // A ruling's quotation, `(Emphasis supplied)` set flush right under it, then the next
    // numbered paragraph from the left edge.
    let text = text_of(&courier_page(
        "BT /F1 10 Tf 1 0 0 1 72 720 Tm (the party may file objections to the decree within one month of it.) Tj \
         1 0 0 1 384 708 Tm (\\(Emphasis supplied\\)) Tj \
         1 0 0 1 72 696 Tm (3. Prior to the amendment, under Rule 22 of the Code, it was incumbent) Tj \
         1 0 0 1 72 684 Tm (on the party to file its objections.) Tj ET",
    ));
    assert!(
        text.contains("(Emphasis supplied)\n\n3. Prior to the amendment"),
        "{text}"
    );
}

#[test]
fn lines_opening_with_the_same_label_numbered_are_each_an_item() {
    // A study's groups, each on a line of its own, the first as long as the second.
    let text = text_of(&courier_page(
        "BT /F1 10 Tf 72 720 Td 12 TL (The catchments fall into two groups by their response:) Tj T*          (Group 1: Stewarts Creek, Pine Creek, Redhill, and Lambrechtsbos A and B) Tj T*          (Group 2: Cathedral Peak 2 and 3, Glendhu 2, Biesievlei, Traralgon Creek) Tj T*          (Group 1 shows the largest reduction of flows overall, at all deciles.) Tj ET",
    ));
    assert!(
        text.contains("Lambrechtsbos A and B\n\nGroup 2: Cathedral Peak"),
        "{text}"
    );
}

/// A one-page PDF drawing `content` with Courier as /F1 (every glyph 0.6 of its size wide,
/// so lines of as many chars end at one edge).
fn courier_page(content: &str) -> Vec<u8> {
    courier_page_with(content.as_bytes(), "")
}

/// A one-page PDF drawing `content` with Courier as /F1, and more `resources`.
fn courier_page_with(content: &[u8], resources: &str) -> Vec<u8> {
    build(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> {resources} >> /Contents 5 0 R >>").into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>".to_vec(),
        stream("", content),
    ])
}

#[test]
fn a_dash_set_apart_before_a_sentence_is_a_bullet_and_its_item_goes_on_under_it() {
    // A judgment's list in 10-point Courier (every char 6 points wide, so the lines' ends
    // are known): a dash at the margin, the item's text at a tab stop and its next lines
    // under the text; one line stops where the next word, a name, would not fit.
    let mut s = String::from(
        "BT /F1 10 Tf 72 720 Td (The following facts matter for the court when it has to assess the claims) Tj \
         0 -12 Td (of the plaintiff in this case :-) Tj ET ",
    );
    let items: [[&str; 2]; 3] = [
        [
            "Plaintif berumur 28 tahun semasa kemalangan berlaku dan gaji beliau",
            "ketika itu adalah RM 1,700-00.",
        ],
        [
            "Menurut saksi, Plaintif adalah seorang pekerja di syarikat bernama",
            "Teras Maju Sdn Bhd dengan gaji sebanyak RM 1,680-01.",
        ],
        [
            "Caruman pihak majikan ke dalam akaun adalah RM 221-00 sebulan bagi",
            "setiap bulan.",
        ],
    ];
    let mut y = 680.0;
    for [first, next] in items {
        s.push_str(&format!(
            "BT /F1 10 Tf 72 {y} Td (-) Tj 36 0 Td ({first}) Tj 0 -12 Td ({next}) Tj ET "
        ));
        y -= 30.0;
    }
    s.push_str(
        "BT /F1 10 Tf 72 440 Td ((2)) Tj 60 0 Td (Item c) Tj 200 0 Td (-) Tj 60 0 Td (RM2,300-00) Tj ET \
         BT /F1 10 Tf 72 420 Td ((3)) Tj 60 0 Td (Item e) Tj 200 0 Td (-) Tj 60 0 Td (RM100-00) Tj ET",
    );
    let text = text_of(&courier_page(&s));
    assert!(
        text.contains("- Plaintif berumur 28 tahun semasa kemalangan berlaku dan gaji beliau ketika itu adalah RM 1,700-00.\n\n"),
        "{text}"
    );
    assert!(
        text.contains("di syarikat bernama Teras Maju Sdn Bhd"),
        "{text}"
    );
    assert!(
        text.contains("(2)\tItem c\t-\tRM2,300-00\n(3)\tItem e\t-\tRM100-00"),
        "{text}"
    );
}

#[test]
fn a_quotation_after_a_lead_in_ending_in_a_colon_and_dash_starts_its_own_paragraph() {
    // A judgment's paragraph ends `… seperti berikut :-` on a short line; the quotation
    // under it starts with a bracketed label, at the same edge, a little further down.
    let mut s = String::from("BT /F1 10 Tf 72 720 Td ");
    for _ in 0..6 {
        s.push_str("(the court of appeal held in the case of the owner and the driver of the car) Tj 0 -16 Td ");
    }
    s.push_str(
        "(memutuskan seperti berikut :-) Tj 0 -19 Td \
         ([Held 2c] The test of vicarious liability in such cases is not the interest) Tj 0 -16 Td \
         (and concern argument, and mere permission is not sufficient to establish it.) Tj ET",
    );
    let text = text_of(&page(s.as_bytes(), "", &[]));
    assert!(
        text.contains("memutuskan seperti berikut :-\n\n[Held 2c] The test"),
        "{text}"
    );
}

/// A content stream setting each `(x, y from the page's top, text)` in 7-point Helvetica.
fn placed(lines: &[(f32, f32, &str)]) -> String {
    lines
        .iter()
        .map(|(x, y, t)| format!("BT /F1 7 Tf {x} {} Td ({t}) Tj ET ", 792.0 - y))
        .collect()
}

#[test]
fn a_tables_last_column_of_few_lines_beside_its_labels_reads_in_its_rows() {
    // A table without rules: a label column, a column of lists and a last column holding a
    // line or two a row. Its rows read across, each label with its cells.
    let (a, b, c, d, e) = (43.0, 118.0, 128.0, 300.0, 310.0);
    let mut rows = vec![
        (a, 74.0, "Table 1 Clinical features by age"),
        (b, 92.0, "Neonate and childhood"),
        (d, 92.0, "Adolescence and adult age"),
        (a, 110.0, "Specific physical"),
        (b, 110.0, "Neonate:"),
        (d, 110.0, "Short stature"),
        (53.0, 120.0, "features"),
        (c, 120.0, "- Redundant nuchal skin"),
        (c, 130.0, "- Puffiness of the hands and feet"),
        (b, 143.0, "Childhood:"),
    ];
    let items = [
        "- Short stature",
        "- Short neck",
        "- Characteristic facies with micrognathia",
        "- Abnormal upper-to-lower segment ratio",
        "- Orthopaedic stigma:",
        "- Genu valgum",
    ];
    for (k, item) in items.iter().enumerate() {
        rows.push((c, 153.0 + 10.0 * k as f32, item));
    }
    rows.extend([
        (a, 213.0, "Lymphatic system"),
        (b, 213.0, "Foetus failed to survive: obstructed"),
        (
            d,
            213.0,
            "Lymphedema may occur at any age and be exacerbated by",
        ),
        (c, 223.0, "jugular lymphatics and hygromas"),
        (e, 223.0, "treatments as growth hormone or oestrogens"),
        (b, 233.0, "Neonate: peripheral lymphedema"),
        (a, 253.0, "Bone"),
        (b, 253.0, "Congenital hip dislocation"),
        (d, 253.0, "Scoliosis and kyphosis"),
        (b, 263.0, "Scoliosis and kyphosis"),
        (
            d,
            263.0,
            "Osteopenia and osteoporosis due to lack of oestrogen",
        ),
        (a, 273.0, "ENT"),
        (b, 273.0, "Otitis media due to an abnormal"),
        (d, 273.0, "Progressive sensorineural hearing loss"),
        (c, 283.0, "relationship of the middle ear"),
        (a, 293.0, "Renal"),
        (b, 293.0, "Congenital urinary malformations:"),
        (d, 293.0, "Risk to develop hypertension and infections"),
        (c, 303.0, "- Horseshoe kidneys"),
        (c, 313.0, "- Malrotations"),
    ]);
    let text = text_of(&page(placed(&rows).as_bytes(), "", &[]));
    for row in [
        "Neonate and childhood\tAdolescence and adult age\n",
        "Specific physical\tNeonate:\tShort stature\n",
        "Bone\tCongenital hip dislocation\tScoliosis and kyphosis\n",
        "ENT\tOtitis media due to an abnormal\tProgressive sensorineural hearing loss\n",
        "Renal\tCongenital urinary malformations:\tRisk to develop hypertension and infections\n",
    ] {
        assert!(text.contains(row), "{row:?} in\n{text}");
    }
    assert!(
        text.starts_with("Table 1 Clinical features by age\n"),
        "{text}"
    );
    // A list's items set with a hyphen each stay items, whatever the cell's measure.
    assert!(
        text.contains("- Characteristic facies with micrognathia\n\n- Abnormal upper-to-lower segment ratio\n\n- Orthopaedic stigma:\n"),
        "{text}"
    );
}

#[test]
fn a_grid_tables_headings_repeated_at_each_pages_top_are_kept_dates_and_all() {
    // A table drawn as a grid goes on over three pages, each page starting with its title
    // and headings: the same on every page, dates in them, at the page's top. They are the
    // table's, no running header.
    let page_of = |first: &str, values: [&str; 2]| {
        let rows = vec![
            vec![vec!["May 2019"], vec![], vec![]],
            vec![
                vec!["Country"],
                vec!["Arrivals May 2019"],
                vec!["Arrivals May 2018"],
            ],
            vec![vec![first], vec![values[0]], vec![values[1]]],
            vec![vec!["Others"], vec!["12"], vec!["15"]],
        ];
        let mut content = ruled_table(760.0, &[72.0, 200.0, 330.0, 460.0], &rows);
        content.extend_from_slice(
            b"BT /F1 10 Tf 72 600 Td (Arrivals fell in May, the report says.) Tj ET\n",
        );
        content
    };
    let one = page_of("India", ["1,234", "2,345"]);
    let two = page_of("Japan", ["578", "4,229"]);
    let three = page_of("China", ["1,555", "17,103"]);
    let text = text_of(&pages(&[&one, &two, &three]));
    assert_eq!(
        text.matches("Country\tArrivals May 2019\tArrivals May 2018\n")
            .count(),
        3,
        "{text}"
    );
    assert_eq!(text.matches("May 2019\n").count(), 3, "{text}");
}

#[test]
fn a_line_ending_on_a_joining_word_or_at_a_short_measure_goes_on_in_a_capital_or_a_figure() {
    // A summary set wide apart, its first line full and stopping on `to`; then a text box
    // narrower than the page, justified (its first two lines end at one edge), whose
    // sentence goes on in a figure.
    let s = |y: f32, x: f32, t: &str| format!("BT /F1 11 Tf {x} {y} Td ({t}) Tj ET ");
    let content = [
        s(
            720.0,
            54.0,
            "The number of arrivals during May 2019 was 37,802 visitors. In comparison to",
        ),
        s(
            700.0,
            54.0,
            "May last year, there was a decline of 70.8 percent.",
        ),
        s(
            680.0,
            54.0,
            "This month the largest source market for tourists was India, then the UK.",
        ),
        s(660.0, 54.0, "Almost all of the tourists travelled by air."),
        s(
            600.0,
            62.0,
            "visitors came from Asia and many others came with",
        ),
        s(
            585.5,
            62.0,
            "others came from Asia and many visitors came with",
        ),
        s(571.0, 62.0, "59% of the traffic received in May 2019."),
        s(549.0, 62.0, "Europe sent a third of the visitors."),
    ]
    .concat();
    let text = text_of(&page(content.as_bytes(), "", &[]));
    assert!(
        text.contains("In comparison to May last year, there was a decline"),
        "{text}"
    );
    assert!(
        text.contains("visitors came with 59% of the traffic received in May 2019."),
        "{text}"
    );
}

#[test]
fn a_code_or_a_range_broken_at_its_hyphen_reads_whole() {
    let s = |y: f32, t: &str| format!("BT /F1 11 Tf 72 {y} Td ({t}) Tj ET ");
    let content = [
        s(
            720.0,
            "The court cited Ritchie v. Sempra Energy, No. 10CV1513-",
        ),
        s(706.0, "CAB(KSC), and the rules on the spread of COVID-"),
        s(692.0, "19 in the pages of the record at 175-"),
        s(678.0, "192 of the transcript."),
    ]
    .concat();
    let text = text_of(&page(content.as_bytes(), "", &[]));
    assert_eq!(
        text,
        "The court cited Ritchie v. Sempra Energy, No. 10CV1513-CAB(KSC), and the rules on the spread of COVID-19 in the pages of the record at 175-192 of the transcript.\n"
    );
}

#[test]
fn a_table_at_a_columns_foot_under_a_sentence_that_goes_on_over_the_page_waits_for_it() {
    // The right column stops inside a sentence over a table set at its foot, under its
    // caption; the sentence goes on at the next page's top.
    let mut one = study_columns(
        720.0,
        12,
        "Young adults should be seen in clinics",
        "and the mean of the values was",
    );
    // (The left column goes on beside the table: the table stands in the right column.)
    for l in 0..8 {
        let y = 564.0 - 13.0 * l as f32;
        one.push_str(&format!(
            "BT /F1 10 Tf 54 {y} Td (and the clinic keeps the records of each) Tj ET "
        ));
    }
    one.push_str("BT /F1 8.2 Tf 300 564 Td (Table 2 Summary of the values by group) Tj ET ");
    for (r, label) in ["Children", "Adults", "Bismuth", "Others"]
        .iter()
        .enumerate()
    {
        let y = 553.0 - 10.0 * r as f32;
        one.push_str(&format!(
            "BT /F1 8 Tf 300 {y} Td ({label}) Tj 70 0 Td (11.7{r}) Tj 50 0 Td (2.40 to 21.1{r}) Tj ET "
        ));
    }
    let two = study_columns(
        720.0,
        12,
        "calculated to be 10.05 in all of the groups.",
        "will be involved.",
    );
    let text = text_of(&pages(&[one.as_bytes(), two.as_bytes()]));
    assert!(
        text.contains(
            "and the mean of the values was calculated to be 10.05 in all of the groups."
        ),
        "{text}"
    );
    let table = text.find("Table 2").unwrap();
    assert!(table > text.find("calculated to be").unwrap(), "{text}");
    assert!(text.contains("Children\t11.70\t2.40 to 21.10\n"), "{text}");
}

#[test]
fn type_too_small_to_read_among_readable_type_is_no_text_but_a_page_all_small_is_read() {
    let content = "BT /F1 11 Tf 72 700 Td (Greece) Tj 150 0 Td (3,141) Tj 80 0 Td (3,311) Tj ET \
        BT /F1 1 Tf 300 694 Td (443343,774 43,774) Tj ET \
        BT /F1 11 Tf 72 686 Td (Italy) Tj 150 0 Td (19,860) Tj 80 0 Td (17,672) Tj ET";
    assert_eq!(
        text_of(&page(content.as_bytes(), "", &[])),
        "Greece\t3,141\t3,311\nItaly\t19,860\t17,672\n"
    );
    let small = "BT /F1 1.5 Tf 72 700 Td (Headline CPI of the month) Tj ET \
        BT /F1 1.5 Tf 72 698 Td (rose by a tenth) Tj ET";
    assert_eq!(
        text_of(&page(small.as_bytes(), "", &[])),
        "Headline CPI of the month rose by a tenth\n"
    );
}

#[test]
fn boxes_set_in_columns_under_a_sentence_that_goes_on_past_them_wait_for_it() {
    // A journal's boxes: `Main messages` at the left column's foot, `Current research
    // questions` at the right column's top, each inset and set a little larger than the
    // text; the sentence over the first goes on under the second.
    let line = |size: f32, x: f32, y: f32, t: &str| {
        format!("BT /F1 {size} Tf {x} {} Td ({t}) Tj ET ", 792.0 - y)
    };
    let mut s = String::new();
    for l in 0..30 {
        let y = 80.0 + 11.0 * l as f32;
        s += &line(
            9.0,
            42.0,
            y,
            "the clinics keep the records of each of the visits",
        );
        s += &line(
            9.0,
            306.0,
            y + 170.0,
            "and the clinics keep the records of each visit",
        );
    }
    s += &line(
        9.0,
        42.0,
        410.0,
        "so the 8 week group had a much better response than",
    );
    s += &line(10.0, 48.0, 440.0, "Main messages");
    for (k, t) in [
        "- Eradication therapy is more effective",
        "than iron administration alone.",
        "- Refractory patients should be assessed.",
        "- Screening is not recommended.",
    ]
    .iter()
    .enumerate()
    {
        s += &line(9.5, 48.0, 462.0 + 11.0 * k as f32, t);
    }
    s += &line(10.0, 312.0, 80.0, "Current research questions");
    for (k, t) in [
        "- To explore the relationship.",
        "- To investigate whether incidence will",
        "decline after eradication.",
        "- To explain the mechanism.",
    ]
    .iter()
    .enumerate()
    {
        s += &line(9.5, 312.0, 102.0 + 11.0 * k as f32, t);
    }
    s += &line(
        9.0,
        306.0,
        160.0,
        "the 4 week group. We suggest that further studies",
    );
    let text = text_of(&page(s.as_bytes(), "", &[]));
    assert!(
        text.contains("a much better response than the 4 week group. We suggest"),
        "{text}"
    );
    let main = text.find("Main messages").unwrap();
    assert!(main > text.find("the 4 week group").unwrap(), "{text}");
    assert!(text.contains("Current research questions"), "{text}");
}

#[test]
fn a_value_drawn_over_or_touching_the_end_of_a_label_cut_off_at_its_column_is_a_cell_of_its_own() {
    // A census table: a long name runs on under its cell's edge, and the GN number is drawn
    // over its last letter (`Dakuna` ends at 127.57 points, `95` starts at 127.2). The
    // number stays in its column, and every value after it in its own.
    let cell = |x: f32, y: f32, t: &str| format!("BT /F1 8 Tf {x} {y} Td ({t}) Tj ET ");
    let mut s = String::new();
    for (k, (name, a, b, c)) in [
        ("Kandy", "12", "345", "67"),
        ("Galle", "34", "456", "78"),
        ("Matara", "56", "567", "89"),
    ]
    .iter()
    .enumerate()
    {
        let y = 700.0 - 10.0 * k as f32;
        s += &cell(100.0, y, name);
        s += &cell(135.0, y, a);
        s += &cell(170.0, y, b);
        s += &cell(210.0, y, c);
    }
    s += &cell(100.0, 670.0, "Dakuna");
    s += &cell(127.2, 670.0, "95");
    s += &cell(170.0, 670.0, "622");
    s += &cell(210.0, 670.0, "534");
    // A name running on into the next column, touching its code there (`Gangabad` ends at
    // 137.36 points, where `849C` starts); a code inside the names' column stays whole.
    s += &cell(100.0, 660.0, "Gangabad");
    s += &cell(137.36, 660.0, "849C");
    s += &cell(170.0, 660.0, "289");
    s += &cell(210.0, 660.0, "290");
    s += &cell(100.0, 650.0, "H1N1");
    s += &cell(170.0, 650.0, "31");
    s += &cell(210.0, 650.0, "32");
    let text = text_of(&page(s.as_bytes(), "", &[]));
    assert!(
        text.contains(
            "Matara\t56\t567\t89\nDakuna\t95\t622\t534\nGangabad\t849C\t289\t290\nH1N1\t\t31\t32\n"
        ),
        "{text}"
    );
}

#[test]
fn a_line_squeezed_tight_to_fit_its_column_keeps_its_words_apart() {
    // No space drawn: the words of the first line stand an eighth of a size apart, its
    // letters touch; in the second, one gap that wide among word spaces twice as wide is
    // inside a word (an italic letter's overhang).
    let pdf = page(
        b"BT /F1 10 Tf 72 700 Td [(Eradication) -125 (has) -120 (not) -128 (been) -122 (shown) -125 (to) -120 (help.)] TJ ET \
BT /F1 10 Tf 72 686 Td [(The) -280 (con) -120 (figs) -280 (were) -280 (kept.)] TJ ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "Eradication has not been shown to help. The configs were kept.\n"
    );
}

#[test]
fn a_tight_lines_word_gaps_on_both_sides_of_a_spaces_width_all_part_words() {
    // A justified line squeezed until its word gaps stand about the width a space needs,
    // some a little wider (already spaces), some a little narrower; one before a bracket.
    let pdf = page(
        b"BT /F1 10 Tf 72 700 Td [(and) -155 (have) -146 (shown) -153 (that) -148 (it) -152 (provides) -155 (a) -155 (means) -149 (\\(Table) -151 (4\\).)] TJ ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "and have shown that it provides a means (Table 4).\n"
    );
}

#[test]
fn a_title_beside_a_journals_label_is_read_before_the_margin_column_under_it() {
    // A journal's label over its narrow margin column of addresses, set small; beside the
    // label, the title and authors over the article's two columns.
    let mut content = String::from(
        "BT /F1 11 Tf 40 760 Td (Original article) Tj ET \
BT /F1 20 Tf 150 730 Td (Iron stores rise after treatment) Tj 0 -22 Td (with oral iron in most patients) Tj ET \
BT /F1 11 Tf 150 684 Td (Ann Lee, Bo Chan, Cy Dunn, Di Ek, Ed Fox and Fay Gill) Tj ET ",
    );
    let margin = [
        "1 Dept of Physics,",
        "North College, Old",
        "Town, Example Land",
        "2 School of Health,",
        "South College, New",
        "Town, Example Land",
        "Correspondence to",
        "Dr Ann Lee, Dept",
        "of Physics, North",
        "College, Old Town",
    ];
    for (k, line) in margin.iter().enumerate() {
        let y = 637 - 9 * k;
        content.push_str(&format!("BT /F1 8 Tf 40 {y} Td ({line}) Tj ET "));
    }
    let words = "The study followed two hundred patients for a year after their treatment and \
measured their iron stores every three months in the same clinic by the same method, and \
stores rose in most patients by the third month and stayed at that level until the year \
ended for all but a few of the patients we followed in the clinic during the study while \
their diet and their other treatment stayed as it had been before the study began, so \
that the rise can be laid to the treatment alone and to nothing else we could measure";
    // Lines of 40 characters or fewer (180 points at most), the columns 20 points apart.
    let mut lines: Vec<String> = vec![String::new()];
    for word in words.split(' ') {
        let last = lines.last_mut().unwrap();
        if last.len() + word.len() >= 40 {
            lines.push(word.to_string());
        } else if last.is_empty() {
            last.push_str(word);
        } else {
            last.push_str(&format!(" {word}"));
        }
    }
    let half = lines.len().div_ceil(2);
    for (k, line) in lines.iter().enumerate() {
        let (x, y) = if k < half {
            (150, 640 - 12 * k)
        } else {
            (350, 640 - 12 * (k - half))
        };
        content.push_str(&format!("BT /F1 9 Tf {x} {y} Td ({line}) Tj ET "));
    }
    let text = text_of(&page(content.as_bytes(), "", &[]));
    assert!(
        text.starts_with(
            "Original article\n\nIron stores rise after treatment with oral iron in most patients\n\nAnn Lee, Bo Chan, Cy Dunn, Di Ek, Ed Fox and Fay Gill\n\n1 Dept of Physics,"
        ),
        "{text}"
    );
    assert!(
        text.contains("1 Dept of Physics, North College, Old Town, Example Land 2 School"),
        "{text}"
    );
    assert!(
        text.contains(
            "College, Old Town\n\nThe study followed two hundred patients for a year after"
        ),
        "{text}"
    );
}

#[test]
fn a_heading_line_that_stands_in_two_rows_of_a_grid_is_written_once() {
    // Under a group heading, a thin empty band, then `Week` over `30` and `Week` over
    // `31`; beside them, under its own heading, a cell over the band and their row (no rule
    // across it), set on the `Week` line.
    let mut content = String::from(
        "BT /F1 9 Tf 43 680 Td (District) Tj ET \
BT /F1 8 Tf 140 691 Td (2026) Tj ET BT /F1 8 Tf 193 691 Td (Up to) Tj ET \
BT /F1 6 Tf 113 676 Td (Week) Tj ET BT /F1 6 Tf 116 670 Td (30) Tj ET \
BT /F1 6 Tf 153 676 Td (Week) Tj ET BT /F1 6 Tf 156 670 Td (31) Tj ET \
BT /F1 6 Tf 193 676 Td (2025) Tj ET ",
    );
    for (k, (name, a, b, total)) in [
        ("Colombo", "218", "264", "8742"),
        ("Gampaha", "154", "132", "5130"),
        ("Kalutara", "47", "42", "1460"),
    ]
    .iter()
    .enumerate()
    {
        let y = 659 - 12 * k;
        content.push_str(&format!(
            "BT /F1 8 Tf 43 {y} Td ({name}) Tj ET BT /F1 8 Tf 113 {y} Td ({a}) Tj ET \
BT /F1 8 Tf 153 {y} Td ({b}) Tj ET BT /F1 8 Tf 193 {y} Td ({total}) Tj ET "
        ));
    }
    for y in [700, 668, 656, 644, 632] {
        content.push_str(&format!("40 {y} m 240 {y} l S "));
    }
    content.push_str("110 688 m 240 688 l S 110 684 m 190 684 l S ");
    for x in [40, 110, 190, 240] {
        content.push_str(&format!("{x} 700 m {x} 632 l S "));
    }
    content.push_str("150 688 m 150 632 l S ");
    let text = text_of(&page(content.as_bytes(), "", &[]));
    assert_eq!(text.matches("Week").count(), 2, "{text}");
    assert!(text.contains("Week 30\tWeek 31"), "{text}");
    assert!(text.contains("Colombo\t218\t264\t8742"), "{text}");
}

#[test]
fn a_grid_row_whose_values_carry_their_units_on_a_second_line_reads_as_one_row() {
    // `0.05` over `%` in each rate's cell, the labels over two lines, the counts set
    // halfway down the row.
    let rows = vec![
        vec![
            vec![],
            vec!["2025"],
            vec!["2026"],
            vec![],
            vec!["2025"],
            vec!["2026"],
        ],
        vec![
            vec!["Reported", "Deaths"],
            vec!["^29"],
            vec!["^62"],
            vec!["Case Fatality", "Rate"],
            vec!["0.05", "%"],
            vec!["0.07", "%"],
        ],
    ];
    let content = ruled_table(
        700.0,
        &[40.0, 110.0, 150.0, 190.0, 270.0, 310.0, 350.0],
        &rows,
    );
    let text = text_of(&page(&content, "", &[]));
    assert!(
        text.contains("Reported Deaths\t29\t62\tCase Fatality Rate\t0.05 %\t0.07 %"),
        "{text}"
    );
}

#[test]
fn a_note_going_on_over_the_page_comes_after_the_paragraph_it_waited_for() {
    // A court's notes in the text's size under a rule of dashes: the note goes on at the
    // next page's foot; the paragraph over the page ends early on that page, which ends
    // with a heading whose section starts on the third page.
    let lines = |x: i32, y: i32, lines: &[&str]| {
        let mut s = format!("BT /F1 11 Tf {x} {y} Td");
        for (i, l) in lines.iter().enumerate() {
            if i > 0 {
                s.push_str(&format!(" {} -13 Td", if i == 1 { 72 - x } else { 0 }));
            }
            s.push_str(&format!(" ({l}) Tj"));
        }
        s.push_str(" ET");
        s
    };
    let rule = |y: i32| format!("BT /F1 9 Tf 72 {y} Td (\\320\\320\\320\\320\\320\\320) Tj ET");
    let first = [
        lines(
            90,
            700,
            &[
                "She claims that an employer can still be an agent of an insurer when",
                "it runs a benefits program. She cites no law to support this contention,",
                "however, because there is no such law. Thus, the",
            ],
        ),
        rule(200),
        lines(
            90,
            180,
            &[
                "2 She submits various cases, and none since the Code was enacted, where",
                "the courts did consider employers agents of insurers for the purpose",
            ],
        ),
    ]
    .join(" ");
    let second = [
        lines(
            72,
            700,
            &["district court properly concluded that the City did not act as an agent."],
        ),
        lines(
            90,
            674,
            &[
                "Because the actions of the City cannot be imputed to the insurers, she",
                "must have alleged facts about their own actions. She has failed to do so.",
            ],
        ),
        lines(90, 635, &["B. Promissory Estoppel"]),
        rule(200),
        lines(
            72,
            180,
            &["of deducting premiums. If anything, these cases show the Code's effect."],
        ),
    ]
    .join(" ");
    let third = lines(
        90,
        700,
        &[
            "She next claims that the insurers are estopped from denying the coverage",
            "because they misled the City about the support they would provide.",
        ],
    );
    let text = text_of(&pages(&[
        first.as_bytes(),
        second.as_bytes(),
        third.as_bytes(),
    ]));
    assert!(
        text.contains(
            "did not act as an agent.\n\n2 She submits various cases, and none since the Code \
was enacted, where the courts did consider employers agents of insurers for the purpose of \
deducting premiums. If anything, these cases show the Code\u{2019}s effect.\n\nBecause the actions"
        ),
        "{text}"
    );
    assert!(
        text.contains("B. Promissory Estoppel\n\nShe next claims"),
        "{text}"
    );
}

#[test]
fn a_quotation_justified_narrower_than_its_column_reads_as_one_paragraph() {
    // Courier, 7.2 points a letter at 12 points: the body's lines fill the column; the
    // quotation, set in from both sides, fills its own narrower measure, and its first
    // line's next word (`TO`) would have fitted in the column.
    let body = [
        "The form that the employee signed further provided in",
        "its last paragraph the following words:",
    ];
    let quote = [
        "I UNDERSTAND THAT IT IS MY RESPONSIBILITY",
        "TO VERIFY THAT ALL PAYROLL  DEDUCTIONS AS",
        "STATED  ABOVE  ARE  CORRECT AND TO REPORT",
        "ANY DISCREPANCIES IMMEDIATELY.",
    ];
    let after = ["No representative was present at the orientation."];
    let mut content = String::new();
    let mut y = 700;
    for (x, lines) in [(108, &body[..]), (144, &quote[..]), (108, &after[..])] {
        for line in lines {
            content.push_str(&format!("BT /F1 12 Tf {x} {y} Td ({line}) Tj ET\n"));
            y -= 16;
        }
        y -= 6;
    }
    let pdf = courier_page(&content);
    let text = text_of(&pdf);
    assert!(
        text.contains("\n\nI UNDERSTAND THAT IT IS MY RESPONSIBILITY TO VERIFY THAT ALL"),
        "{text}"
    );
    assert!(text.contains("IMMEDIATELY.\n\nNo representative"), "{text}");
}

#[test]
fn a_heading_in_capitals_set_larger_after_a_sentences_end_starts_a_paragraph() {
    // Courier: the paragraph's last line stops short of the column's edge, but the
    // heading's first word would not have fitted there; the heading is set a point larger
    // at the paragraph's own spacing.
    let lines = [
        (10, "During the week, 119 areas were identified"),
        (10, "as high-risk, 13 of them newly flagged in"),
        (10, "light red, and 31 areas of the week before"),
        (10, "were no longer high-risk (Table 2)."),
        (11, "MIDNIGHT TOTAL OF PATIENT ADMISSIONS"),
        (10, "The average midnight total for the week"),
        (10, "rose from 2027 to 2043 after late reports."),
    ];
    let mut content = String::new();
    for (k, (size, line)) in lines.iter().enumerate() {
        let y = 700 - 12 * k;
        content.push_str(&format!("BT /F1 {size} Tf 46 {y} Td ({line}) Tj ET\n"));
    }
    let pdf = courier_page(&content);
    let text = text_of(&pdf);
    assert!(
        text.contains("(Table 2).\n\nMIDNIGHT TOTAL OF PATIENT ADMISSIONS\n\nThe average"),
        "{text}"
    );
}

#[test]
fn a_title_set_flush_left_that_breaks_after_a_joining_word_reads_whole() {
    // The title's first line stops on `in`, well short of the column's edge; its second
    // line is its last two words.
    let pdf = page(
        b"BT /F1 18 Tf 50 720 Td (A Model to Cluster Dengue Risk in) Tj 0 -20 Td (Sri Lanka) Tj ET \
BT /F1 10 Tf 50 670 Td (The authors propose a model of dengue risk that joins the weather of each) Tj 0 -12 Td (district with the cases reported there, and they test it on six years.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.starts_with("A Model to Cluster Dengue Risk in Sri Lanka\n\nThe authors"),
        "{text}"
    );
}

#[test]
fn a_watermark_set_large_across_the_lines_is_left_out() {
    // A preliminary print's stamp in 22 points, drawn over the second of three lines of
    // 9-point text.
    let pdf = page(
        b"BT /F1 9 Tf 164 700 Td (A party may also seek relief within a reasonable time) Tj 0 -11 Td (under Rule 60 for any other reason that justifies relief, but) Tj 0 -11 Td (relief under that rule is available only when the others are not.) Tj ET \
BT /F1 22 Tf 153 692 Td (Page Proof Pending Publication) Tj ET",
        "",
        &[],
    );
    assert_eq!(
        text_of(&pdf),
        "A party may also seek relief within a reasonable time under Rule 60 for any other \
reason that justifies relief, but relief under that rule is available only when the others \
are not.\n"
    );
}

#[test]
fn a_box_of_two_columns_under_its_title_reads_column_by_column() {
    // A box's title over two justified columns of small type whose lines are as far apart
    // as the title is from them; the left column's second paragraph goes on at the right
    // column's top, and its last line stands level with a `(Contd.)` under the right one.
    let first = "The framework was adopted in May of that year. The act of the bank mandates that the government, in consultation with the bank, sets the target every five years.";
    let second = "At the time of the first review the bank had published a report on the theme of the framework which discussed the regime in the first five years of its working,";
    let third = "i.e., up to that year. In line with practices abroad the bank opened a public consultation with a paper, and the consultation sought the views of the public on four aspects.";
    let fourth = "The responses indicated broad support for the framework and its band.";
    let (pitch_left, pitch_right, size, chars) = (14.35, 14.25, 9.0, 40);
    let width = 0.6 * size * chars as f32;
    let mut lines = vec![
        (275.0, 700.0, 11.0, 0.0, "Box 2".to_owned()),
        (
            200.0,
            682.0,
            11.0,
            0.0,
            "Review of the Framework".to_owned(),
        ),
    ];
    let top = 663.0;
    let a = paragraph_lines(first, chars, (56.0, top, pitch_left, size, width));
    let b_top = a.last().unwrap().1 - 20.0;
    let mut b = paragraph_lines(second, chars, (56.0, b_top, pitch_left, size, width));
    // (Its last line is full: the sentence goes on in the next column.)
    b.last_mut().unwrap().3 = width;
    let c = paragraph_lines(third, chars, (318.0, top, pitch_right, size, width));
    let d_top = c.last().unwrap().1 - 20.0;
    let d = paragraph_lines(fourth, chars, (318.0, d_top, pitch_right, size, width));
    let contd = b.last().unwrap().1;
    lines.extend(a.into_iter().chain(b).chain(c).chain(d));
    lines.push((486.0, contd, 8.0, 0.0, "(Contd.)".to_owned()));
    lines.push((
        60.0,
        contd - 40.0,
        8.0,
        0.0,
        "1 The act was amended in that year.".to_owned(),
    ));
    let text = text_of(&courier_lines(&lines));
    assert!(
        text.contains(&format!("{first}\n\n{second} {third}\n\n{fourth}\n")),
        "{text}"
    );
}

#[test]
fn notes_numbered_with_two_figures_stand_apart_from_their_addresses_and_each_other() {
    // A paper's notes at its left column's foot, each under its number set small and
    // raised, the address right after it: `9`, then `10`, its two figures as close to the
    // address.
    let mut content = String::new();
    for k in 0..50 {
        let y = 700 - 12 * k;
        if k < 46 {
            content.push_str(&format!(
                "BT /F1 9 Tf 72 {y} Td (Line {k} of the left column says what we did with it.) Tj ET "
            ));
        }
        content.push_str(&format!(
            "BT /F1 9 Tf 320 {y} Td (Line {k} of the right column says what we found in it.) Tj ET "
        ));
    }
    content.push_str("BT /F1 6 Tf 72 112.8 Td (9) Tj ET BT /F1 8 Tf 75.6 110 Td (https://example.org/docs/api-reference/chat/create) Tj ET \
BT /F1 6 Tf 72 102.8 Td (10) Tj ET BT /F1 8 Tf 79.0 100 Td (https://example.org/models/transformers) Tj ET BT /F1 10 Tf 300 50 Td (4) Tj ET");
    let pdf = page(content.as_bytes(), "", &[]);
    let text = text_of(&pdf);
    assert!(
        text.contains(
            "\n\n9 https://example.org/docs/api-reference/chat/create\n\n10 https://example.org/models/transformers\n"
        ),
        "{text}"
    );
}

#[test]
fn a_notes_line_set_under_its_text_goes_on_with_it_however_short_the_line_over_it() {
    // Notes at a page's foot, each number in the margin and its text set right of it, its
    // next lines hanging there; the notes' lines end short of the longest one, each where a
    // word processor broke it.
    let body = "The barrier and its control system limit access by farmers to the land";
    let mut lines: Vec<(f32, f32, f32, f32, String)> = (0..12)
        .map(|k| (56.0, 700.0 - 14.0 * k as f32, 11.0, 0.0, body.to_owned()))
        .collect();
    lines.push((56.0, 532.0, 11.0, 0.0, "and the zone.".to_owned()));
    let notes: [(&str, &[&str]); 3] = [
        ("20", &["TD/B/67/5."]),
        (
            "21",
            &[
                "UNCTAD, 2015, The Besieged Agricultural Sector, United Nations, New",
                "York and Geneva.",
            ],
        ),
        (
            "22",
            &[
                "See https://www.example.org/en/latest/news/2022/02/the-long-report-on-the-",
                "system-of-land-and-water.",
            ],
        ),
    ];
    let mut y = 140.0;
    for (number, text) in notes {
        lines.push((101.7, y, 9.0, 0.0, number.to_owned()));
        for part in text {
            lines.push((116.0, y, 9.0, 0.0, (*part).to_owned()));
            y -= 11.0;
        }
    }
    let text = text_of(&courier_lines(&lines));
    assert!(
        text.contains(
            "21 UNCTAD, 2015, The Besieged Agricultural Sector, United Nations, New York and Geneva.\n"
        ),
        "{text}"
    );
}

#[test]
fn a_tables_notes_under_small_letters_are_each_a_paragraph() {
    // Notes under a table, each under a small letter: the second fills its line and ends a
    // sentence, the third starts with its letter before a capital.
    let notes = [
        "a In that year the bureau revised the national accounts of the years before it.",
        "b Except for the figures of population, all data leave out the east of the city.",
        "c In that year the bureau began to apply the guidelines of the conference. The",
        "rate of unemployment reflects a weak participation.",
        "d Includes the debt at home and abroad, but not the arrears or the pension fund.",
    ];
    let mut lines: Vec<(f32, f32, f32, f32, String)> = (0..12)
        .map(|k| {
            let text = format!("Line {k:02} of the text about the economy, read before the table.");
            (56.0, 760.0 - 14.0 * k as f32, 11.0, 0.0, text)
        })
        .collect();
    for (k, note) in notes.iter().enumerate() {
        lines.push((65.2, 560.0 - 11.0 * k as f32, 9.0, 0.0, (*note).to_owned()));
    }
    let pdf = courier_lines(&lines);
    let text = text_of(&pdf);
    assert!(
        text.contains("the east of the city.\n\nc In that year the bureau began to apply the guidelines of the conference. The rate of"),
        "{text}"
    );
}

#[test]
fn a_caption_centred_over_two_lines_is_one_paragraph() {
    // A figure's caption centred under it over two lines, the first as wide as the column
    // nearly and stopping inside its sentence.
    let body = "The format of each message can be parsed with a regular expression.";
    let mut lines: Vec<(f32, f32, f32, f32, String)> = (0..6)
        .map(|k| (72.0, 700.0 - 14.0 * k as f32, 11.0, 0.0, body.to_owned()))
        .collect();
    let first = "Fig. 3: Number of commits of each type of change made in the whole";
    let width = 6.0 * first.len() as f32;
    lines.push((303.0 - width / 2.0, 600.0, 10.0, 0.0, first.to_owned()));
    lines.push((303.0 - 21.0, 588.0, 10.0, 0.0, "dataset".to_owned()));
    lines.push((72.0, 560.0, 11.0, 0.0, body.to_owned()));
    let text = text_of(&courier_lines(&lines));
    assert!(
        text.contains(&format!("\n\n{first} dataset\n\n{body}\n")),
        "{text}"
    );
}

#[test]
fn the_next_notes_number_before_a_year_in_brackets_starts_the_next_pages_notes() {
    // Notes 7 and 8 at the first page's foot; the next page's notes start with `9 (1968)`,
    // which alone reads as a citation's page and year going on from note 8.
    let first = b"BT /F1 11 Tf 72 700 Td (42. Counsel argued that in the case of the terminal, decided by the) Tj 0 -15 Td (High Court, the Bench held that once a tribunal is constituted the) Tj ET \
BT /F1 8 Tf 72 110 Td (7 2016 SCC Online Cal 483 \\(Paras 35, 43\\)) Tj 0 -10 Td (8 2016 SCC Online Del 6560 \\(Para 34\\)) Tj ET";
    let second = b"BT /F1 11 Tf 72 700 Td (application should ordinarily be decided by the tribunal.) Tj 0 -20 Td (43. In that case the High Court noted that the tribunal was not working.) Tj 0 -20 Td (44. Counsel also cited the judgment of this Court on the same point.) Tj ET \
BT /F1 8 Tf 72 110 Td (9 \\(1968\\) 1 SCR 505 \\(Para 9\\) : AIR 1968 SC 488) Tj 0 -10 Td (10 AIR 1962 All 547 \\(Para 7\\)) Tj ET";
    let text = text_of(&pages(&[first, second]));
    assert!(text.contains("(Para 34)\n\n43. In that case"), "{text}");
    assert!(
        text.contains(
            "same point.\n\n9 (1968) 1 SCR 505 (Para 9) : AIR 1968 SC 488\n\n10 AIR 1962"
        ),
        "{text}"
    );
}

#[test]
fn words_painted_over_by_an_opaque_box_are_not_read_and_words_written_on_it_are() {
    // A template's running head, a white box filled over it, and the running head written
    // on the box at the same place (in Courier, its `ON` where the old one's `ON` was); under
    // it, words
    // under a box seen through (half opaque) stay.
    let content = b"BT /F1 10 Tf 200 740 Td (MONETARY POLICY OPERATIONS) Tj ET \
1 1 1 rg 60 730 490 25 re f 0 0 0 rg \
BT /F1 10 Tf 230 740 Td (THE ANNUAL REPORT ON THE WORKING OF THE RESERVE BANK) Tj ET \
BT /F1 10 Tf 72 700 Td (The committee kept the rate unchanged at its meeting in August.) Tj ET \
/Half gs 1 1 0 rg 70 695 200 15 re f";
    let text = text_of(&courier_page_with(
        content,
        "/ExtGState << /Half << /ca 0.5 >> >>",
    ));
    assert_eq!(
        text,
        "THE ANNUAL REPORT ON THE WORKING OF THE RESERVE BANK\n\nThe committee kept the rate unchanged at its meeting in August.\n"
    );
}

#[test]
fn a_sentences_own_run_of_lettered_clauses_is_no_list() {
    // A justified paragraph whose sentence names its clauses `(a)` to `(d)`, one of them
    // at a line's start after the full line holding the one before it.
    let width = 6.0 * 58.0;
    let lines: Vec<(f32, f32, f32, f32, String)> = [
        "The consultation asked the public about four matters: (a) the",
        "index to target; (b) the level of the target for five years;",
        "(c) the width of the band around it; and (d) whether a point",
        "or a range should be the target.",
    ]
    .iter()
    .enumerate()
    .map(|(k, t)| {
        let w = if k < 3 { width } else { 0.0 };
        (72.0, 700.0 - 14.0 * k as f32, 10.0, w, (*t).to_owned())
    })
    .collect();
    let text = text_of(&courier_lines(&lines));
    assert_eq!(
        text,
        "The consultation asked the public about four matters: (a) the index to target; (b) the level of the target for five years; (c) the width of the band around it; and (d) whether a point or a range should be the target.\n"
    );
}

#[test]
fn a_row_beside_a_label_wrapped_from_the_row_over_it_keeps_its_empty_cells() {
    // A price table ruled as a grid: a group's label wrapped over two rows in the first
    // column (no rule between them there), the second row's item in the second column and
    // its third column empty, as in the row under it.
    let mut content = String::new();
    let text = |x: f32, y: f32, t: &str| format!("BT /F1 9 Tf 1 0 0 1 {x} {y} Tm ({t}) Tj ET\n");
    content.push_str(&text(63.0, 690.0, "Food and non-"));
    content.push_str(&text(323.0, 690.0, "17,14"));
    content.push_str(&text(383.0, 690.0, "117,7"));
    content.push_str(&text(63.0, 672.0, "alcoholic beverages"));
    content.push_str(&text(153.0, 672.0, "Food"));
    content.push_str(&text(323.0, 672.0, "15,30"));
    content.push_str(&text(383.0, 672.0, "118,1"));
    content.push_str(&text(153.0, 654.0, "Drinks"));
    content.push_str(&text(323.0, 654.0, "1,84"));
    content.push_str(&text(383.0, 654.0, "114,7"));
    content.push_str(&text(253.0, 636.0, "Processed"));
    content.push_str(&text(323.0, 636.0, "8,57"));
    content.push_str(&text(383.0, 636.0, "121,0"));
    for (x0, y) in [
        (60.0, 700.0),
        (150.0, 682.0),
        (60.0, 664.0),
        (60.0, 646.0),
        (60.0, 628.0),
    ] {
        content.push_str(&format!("{x0} {y} m 440 {y} l S\n"));
    }
    for x in [60.0, 150.0, 250.0, 320.0, 380.0, 440.0] {
        content.push_str(&format!("{x} 700 m {x} 628 l S\n"));
    }
    let text = text_of(&page(content.as_bytes(), "", &[]));
    assert!(text.contains("\tFood\t\t15,30\t118,1\n"), "{text}");
    assert!(text.contains("\tDrinks\t\t1,84\t114,7\n"), "{text}");
}

#[test]
fn a_number_going_on_a_references_sentence_at_a_pages_foot_is_no_note() {
    // A paper's last page of text, then its references set smaller at the foot; a line of
    // one of them starts with the volume's number going on from the line close over it.
    let mut content = String::new();
    for k in 0..20 {
        let y = 740 - 14 * k;
        content.push_str(&format!(
            "BT /F1 11 Tf 72 {y} Td (Line {k} of the discussion of the results and what they mean.) Tj ET "
        ));
    }
    content.push_str(
        "BT /F1 9 Tf 72 300 Td (Ori Shapira and Ido Dagan. 2019. Crowdsourcing lightweight pyramids for) Tj \
0 -11 Td (manual summary evaluation. In Proceedings of the 2019 Conference of the North) Tj \
0 -11 Td (American Chapter of the Association: Human Language Technologies, Volume) Tj \
0 -11 Td (1 \\(Long and Short Papers\\), pages 682-687, Minneapolis, Minnesota.) Tj \
0 -16 Td (Alex Wang and Mike Lewis. 2020. Asking and answering questions to evaluate) Tj \
0 -11 Td (the factual consistency of summaries. In Proceedings of the Annual Meeting.) Tj ET",
    );
    let text = text_of(&page(content.as_bytes(), "", &[]));
    assert!(
        text.contains("Human Language Technologies, Volume 1 (Long and Short Papers), pages 682-687, Minneapolis, Minnesota.\n\nAlex Wang"),
        "{text}"
    );
}

#[test]
fn a_note_whose_number_stands_apart_keeps_its_lines_hanging_under_its_text() {
    // A judgment's one note at the page's foot: its number at the margin, its text set a
    // wide gap after it, its second line under the text.
    let mut content = String::new();
    for k in 0..24 {
        let y = 740 - 24 * k;
        content.push_str(&format!(
            "BT /F1 12 Tf 72 {y} Td (Line {k} of the judgment, where the court sets out the facts of the case.) Tj ET "
        ));
    }
    content.push_str(
        "BT /F1 10 Tf 72 90 Td (1) Tj 28.3 0 Td (I understand that the concept and the network are proper nouns, so are capitalised,) Tj \
0 -11.5 Td (whereas the currency itself is not.) Tj ET",
    );
    let text = text_of(&page(content.as_bytes(), "", &[]));
    assert!(
        text.ends_with("1\tI understand that the concept and the network are proper nouns, so are capitalised, whereas the currency itself is not.\n"),
        "{text}"
    );
}

#[test]
fn a_statement_centred_over_two_lines_is_one_and_a_rule_of_spaced_hyphens_is_no_text() {
    // A judgment's title page in Courier: its parts ruled with spaced hyphens, counsel's
    // line centred over two lines, the first stopping on `for`.
    let centred = |y: f32, t: &str| (306.0 - 3.0 * t.len() as f32, y, 10.0, 0.0, t.to_owned());
    let first = "Terence Bergin KC and Celso De Azevedo (instructed by Giambrone LLP) for";
    let lines = vec![
        centred(700.0, "Before :"),
        centred(680.0, "Richard Farnhill"),
        centred(660.0, "- - - - - - - - - - - - - - - - - - - - -"),
        centred(640.0, "Between :"),
        centred(620.0, "FABRIZIO D'ALOIA"),
        centred(600.0, "- - - - - - - - - - - - - - - - - - - - -"),
        centred(580.0, first),
        centred(568.0, "the Claimant"),
        centred(548.0, "Hearing dates: 9 and 10 July 2024"),
    ];
    let text = text_of(&courier_lines(&lines));
    assert_eq!(
        text,
        format!(
            "Before :\n\nRichard Farnhill\n\nBetween :\n\nFABRIZIO D'ALOIA\n\n{first} the Claimant\n\nHearing dates: 9 and 10 July 2024\n"
        )
    );
}

#[test]
fn a_compound_broken_at_its_hyphen_in_a_grids_cell_stays_whole() {
    // A province's name broken after its hyphen in a grid's cell, before a capital, and a
    // heading whose dash set apart ends its line.
    let rows = vec![
        vec![
            vec!["Province"],
            vec!["WALR -", "Outstanding"],
            vec!["Index"],
        ],
        vec![vec!["KwaZulu-", "Natal"], vec!["12,68"], vec!["110,7"]],
        vec![vec!["Limpopo"], vec!["5,07"], vec!["112,9"]],
    ];
    let content = ruled_table(715.0, &[72.0, 170.0, 260.0, 330.0], &rows);
    let text = text_of(&page(&content, "", &[]));
    assert!(text.contains("KwaZulu-Natal\t12,68\t110,7"), "{text}");
    assert!(text.contains("WALR - Outstanding"), "{text}");
}

#[test]
fn a_references_title_under_its_authors_line_ending_on_the_year_goes_on_with_it() {
    // A list of references set with hanging indents: one entry's first line holds only its
    // authors and year, stretched to the column's width, its title set in under it with the
    // entry's next lines.
    let entry = |top: f32, lines: &[&str]| -> Vec<(f32, f32, f32, f32, String)> {
        lines
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let x = if k == 0 { 72.0 } else { 82.0 };
                (x, top - 11.0 * k as f32, 9.0, 0.0, (*t).to_owned())
            })
            .collect()
    };
    let mut lines = entry(
        700.0,
        &[
            "Ann Lee and Bo Kim. 2019. A study of the ways that people",
            "check claims in the news. In Proceedings of the",
            "Workshop on Claims, pages 1-9.",
        ],
    );
    lines.extend(entry(
        663.0,
        &[
            "Alex Wang, Kyunghyun Cho, and Mike Lewis. 2020.",
            "Asking and answering questions to evaluate the",
            "factual consistency of summaries. In Proceedings of",
            "the Annual Meeting, pages 5008-5020.",
        ],
    ));
    lines.extend(entry(
        615.0,
        &[
            "Zoe Park. 2021. Another paper on the same matter of",
            "claims and how they are checked.",
        ],
    ));
    // (The authors' line justified to the column's width, as the entries' full lines are.)
    lines[3].3 = 5.4 * 57.0;
    let text = text_of(&courier_lines(&lines));
    assert!(
        text.contains("\n\nAlex Wang, Kyunghyun Cho, and Mike Lewis. 2020. Asking and answering questions to evaluate the factual consistency of summaries. In Proceedings of the Annual Meeting, pages 5008-5020.\n\nZoe Park."),
        "{text}"
    );
}

#[test]
fn words_under_an_opaque_picture_are_not_read_but_a_scanned_pages_text_under_its_scan_is() {
    // A report's map drawn over a source line left from its template; a logo with a soft
    // mask (see-through around it) drawn over another line, which stays.
    let rgb = "/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceRGB /BitsPerComponent 8";
    let content = b"BT /F1 10 Tf 72 700 Td (Cholera cases were confirmed in nine districts by September.) Tj ET \
BT /F1 9 Tf 80 420 Td (Source: a ministry of another country, left under the map.) Tj ET \
BT /F1 9 Tf 80 380 Td (Map: the districts with confirmed cases.) Tj ET \
q 400 0 0 200 60 400 cm /Map Do Q q 300 0 0 30 70 375 cm /Logo Do Q";
    let text = text_of(&page(
        content,
        "/XObject << /Map 6 0 R /Logo 7 0 R >>",
        &[
            stream(rgb, &[200; 12]),
            stream(&format!("{rgb} /SMask 8 0 R"), &[0; 12]),
            stream(
                "/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8",
                &[0; 4],
            ),
        ],
    ));
    assert_eq!(
        text,
        "Cholera cases were confirmed in nine districts by September.\n\nMap: the districts with confirmed cases.\n"
    );
    // A scanned page: the text recognised in it drawn first, the scan over all of it, and
    // a clerk's stamp written on the scan.
    let content = b"BT /F1 10 Tf 72 700 Td (The tenant paid the rent on the first of each month.) Tj ET \
q 612 0 0 792 0 0 cm /Scan Do Q \
BT /F1 8 Tf 72 60 Td (Filed with the clerk of the court on the second of March two thousand and twenty-four.) Tj ET";
    let text = text_of(&page(
        content,
        "/XObject << /Scan 6 0 R >>",
        &[stream(rgb, &[255; 12])],
    ));
    assert_eq!(
        text,
        "The tenant paid the rent on the first of each month.\n\nFiled with the clerk of the court on the second of March two thousand and twenty-four.\n"
    );
}

#[test]
fn a_boxs_figures_under_their_labels_are_each_read_at_the_pages_head_and_foot() {
    // A situation report: its number set large between two lines at the page's head, and
    // at its foot a box's figures, each under the label before it: none is a page number,
    // and none joins the label over it.
    let mut content = String::new();
    let text = |x: f32, y: f32, size: f32, t: &str| {
        format!("BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({t}) Tj ET\n")
    };
    content.push_str(&text(440.0, 760.0, 7.0, "SITREP NO."));
    content.push_str(&text(446.0, 734.0, 22.0, "31"));
    content.push_str(&text(430.0, 720.0, 5.0, "Monday, September 23, 2024"));
    let prose = [
        "Dengue cases were reported from seventy-six districts this season, and the division asks",
        "every hospital in the country to report its new cases and its deaths within a day of them.",
    ];
    for (k, line) in prose.iter().enumerate() {
        content.push_str(&text(72.0, 680.0 - 14.0 * k as f32, 10.0, line));
    }
    let foot = [
        "9. Rautahat",
        "12",
        "Confirmed cases",
        "21",
        "Hospitalized cases",
        "0",
        "Death",
    ];
    for (k, line) in foot.iter().enumerate() {
        content.push_str(&text(438.0, 122.0 - 8.5 * k as f32, 7.0, line));
    }
    let got = text_of(&page(content.as_bytes(), "", &[]));
    assert_eq!(
        got,
        "SITREP NO.\n\n31\n\nMonday, September 23, 2024\n\nDengue cases were reported from seventy-six districts this season, and the division asks every hospital in the country to report its new cases and its deaths within a day of them.\n\n9. Rautahat\n\n12\n\nConfirmed cases\n\n21\n\nHospitalized cases\n\n0\n\nDeath\n"
    );
}

#[test]
fn a_line_stopping_short_on_a_joining_word_goes_on_in_the_next() {
    // A ruling's note: a statute's citation kept whole (`RCW 9.41.801(9)`, its space a
    // non-breaking one) did not fit after `to`, so the line stops short of the edge; the
    // sentence goes on with a capital. (An algorithm's numbered step after `end for` is a
    // line of its own.)
    let width = 6.0 * 72.0;
    let lines: Vec<(f32, f32, f32, f32, String)> = [
        (
            "In his reply brief, the husband claims for the first time that",
            width,
        ),
        (
            "the court did not consider that the provisions of the amendment to",
            0.0,
        ),
        (
            "RCW 9.41.801(9) are not retroactive and do not apply to his case. We",
            width,
        ),
        (
            "do not consider arguments raised for the first time in a reply brief.",
            0.0,
        ),
        ("11: end for", 0.0),
        ("12: Return the interval of the samples.", 0.0),
    ]
    .iter()
    .enumerate()
    .map(|(k, (t, w))| {
        let gap = if k >= 4 { 20.0 } else { 0.0 };
        (
            72.0,
            700.0 - 14.0 * k as f32 - gap,
            10.0,
            *w,
            (*t).to_owned(),
        )
    })
    .collect();
    let text = text_of(&courier_lines(&lines));
    assert_eq!(
        text,
        "In his reply brief, the husband claims for the first time that the court did not consider that the provisions of the amendment to RCW 9.41.801(9) are not retroactive and do not apply to his case. We do not consider arguments raised for the first time in a reply brief.\n\n11: end for\n\n12: Return the interval of the samples.\n"
    );
}

#[test]
fn a_footnote_going_on_in_the_next_column_is_read_whole_before_a_figure_set_aside() {
    // A two-column paper: the left column's note stops inside its sentence and goes on at
    // the foot of the right column, which holds a chart and its caption between its
    // paragraphs.
    let mut content = String::new();
    let text = |x: f32, y: f32, size: f32, t: &str| {
        format!("BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({t}) Tj ET\n")
    };
    let prose = [
        "random replication is that it is a simple way",
        "to protect against the failure of one server,",
        "and such failures happen every day in a data",
        "center of a few thousand machines, while the",
        "failure of a whole cluster is rare but costly,",
        "as a power outage takes down every node at",
    ];
    for k in 0..40 {
        content.push_str(&text(72.0, 700.0 - 12.0 * k as f32, 10.0, prose[k % 6]));
    }
    content.push_str(&text(
        72.0,
        220.0,
        10.0,
        "once, and some data is lost for good, as the",
    ));
    content.push_str(&text(320.0, 700.0, 7.0, "80%"));
    content.push_str(&text(320.0, 680.0, 7.0, "40%"));
    content.push_str(&text(340.0, 665.0, 7.0, "Number of nodes"));
    content.push_str(&text(
        320.0,
        650.0,
        9.0,
        "Figure 2: Data loss as the cluster grows.",
    ));
    content.push_str(&text(
        320.0,
        626.0,
        10.0,
        "operators of such clusters have found.2 The",
    ));
    for k in 0..33 {
        content.push_str(&text(320.0, 614.0 - 12.0 * k as f32, 10.0, prose[k % 6]));
    }
    content.push_str(&text(
        320.0,
        220.0,
        10.0,
        "once, so that operators prefer fewer losses, and",
    ));
    let notes = [
        "1 Our definition of random replication is the one",
        "of the system that picks the nodes near the first.",
        "2 For simplicity we assume random replication for all",
    ];
    for (k, line) in notes.iter().enumerate() {
        content.push_str(&text(72.0, 202.0 - 10.0 * k as f32, 8.0, line));
    }
    content.push_str(&text(
        320.0,
        202.9,
        8.0,
        "three systems, though their schemes differ a little",
    ));
    content.push_str(&text(
        320.0,
        192.9,
        8.0,
        "from each other in where the replicas are placed.",
    ));
    let got = text_of(&page(content.as_bytes(), "", &[]));
    assert!(
        got.contains("2 For simplicity we assume random replication for all three systems, though their schemes differ a little from each other in where the replicas are placed."),
        "{got}"
    );
}

#[test]
fn fractions_set_in_a_line_at_its_size_read_in_it() {
    // A paper's sentence with fractions in it, each numerator over its denominator across
    // the line and a bar between them, at the text's size, the lines around set wider
    // apart to make room.
    let text = |x: f32, y: f32, t: &str| format!("BT /F1 10 Tf 1 0 0 1 {x} {y} Tm ({t}) Tj ET\n");
    let mut content = String::new();
    content.push_str(&text(
        72.0,
        700.0,
        "Where P is the number of permutations. This scheme",
    ));
    content.push_str(&text(72.0, 683.3, "will create P"));
    content.push_str(&text(152.5, 690.3, "N"));
    content.push_str(&text(152.8, 676.6, "R"));
    content.push_str(&text(163.0, 683.3, "copysets, which is equal to:"));
    content.push_str(&text(344.5, 690.3, "S"));
    content.push_str(&text(332.5, 676.6, "R - 1"));
    content.push_str(&text(365.0, 690.3, "N"));
    content.push_str(&text(365.3, 676.6, "R"));
    content.push_str(&text(371.5, 683.3, "."));
    content.push_str(&text(
        72.0,
        666.6,
        "The number of copysets grows with the scatter width.",
    ));
    // The fractions' bars.
    content.push_str("152 686 7.3 0.4 re f 332 686 31 0.4 re f 364.8 686 7 0.4 re f\n");
    // A matrix's rows over and under a line, with no bar: no fractions (its entries stay
    // apart, each of its columns read on its own).
    content.push_str(&text(72.0, 600.0, "The matrix A ="));
    content.push_str(&text(162.0, 607.0, "1"));
    content.push_str(&text(186.0, 607.0, "2"));
    content.push_str(&text(162.0, 593.3, "3"));
    content.push_str(&text(186.0, 593.3, "4"));
    content.push_str(&text(198.0, 600.0, "has rank two."));
    for (k, line) in [
        "Its rows are the nodes of the two replicas, and its",
        "rank says the copysets do not overlap: each node is",
        "in one copyset of each permutation, and no other.",
    ]
    .iter()
    .enumerate()
    {
        content.push_str(&text(72.0, 570.0 - 12.0 * k as f32, line));
    }
    let got = text_of(&courier_page(&content));
    assert!(
        got.contains("This scheme will create P N R copysets, which is equal to: S R - 1 N R."),
        "{got}"
    );
    assert!(
        got.contains("1\n\nThe matrix A =\n\n3\n\n2\n\nhas rank two.\n\n4\n"),
        "{got}"
    );
}

#[test]
fn a_line_going_on_after_limits_set_over_and_under_stays_one_line() {
    // A set written with its limits, `{bi}` with `K` over `i=1` right after it: the rest of
    // the line, drawn on from the lower limit, goes on in the same line and sentence.
    let pdf = page(
        b"BT /F1 10 Tf 72 700 Td (Suppose we are given a set of token boxes B = {b) Tj /F1 7 Tf -1.5 Ts (i) Tj /F1 10 Tf 0 Ts (}) Tj /F1 7 Tf 3.6 Ts (K) Tj -2.6 Ts [667 (i=1)] TJ /F1 10 Tf 0 Ts (, where each box) Tj ET \
BT /F1 10 Tf 72 688 Td (is one token, and K is the number of tokens the reader found.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(text.contains("token boxes B = {bi}"), "{text}");
    assert!(text.contains("=1, where each box is one token"), "{text}");
    assert_eq!(text.matches("\n\n").count(), 0, "{text}");
}

#[test]
fn a_covers_issue_number_set_large_is_no_page_number() {
    // A statistical report's cover: its title, its period, the issue's number set large in
    // a circle near the foot, and the city.
    let text = |x: f32, y: f32, size: f32, t: &str| {
        format!("BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({t}) Tj ET\n")
    };
    let mut content = String::new();
    content.push_str(&text(180.0, 436.0, 27.0, "INFORMATION"));
    content.push_str(&text(120.0, 405.0, 20.0, "ON THE SOCIAL AND ECONOMIC"));
    content.push_str(&text(170.0, 377.0, 20.0, "SITUATION OF THE REGION"));
    content.push_str(&text(180.0, 310.0, 20.0, "January to August 2017"));
    content.push_str(&text(282.0, 180.0, 64.0, "8"));
    content.push_str(&text(271.0, 50.0, 17.0, "Moscow"));
    let got = text_of(&page(content.as_bytes(), "", &[]));
    assert!(
        got.contains("January to August 2017\n\n8\n\nMoscow"),
        "{got}"
    );
}

#[test]
fn a_paragraphs_first_line_set_larger_goes_on_in_the_next() {
    // A statistical review's paragraph whose first line is set larger than the rest; a
    // heading set larger stands apart.
    let lines: Vec<(f32, f32, f32, f32, String)> = vec![
        (72.0, 720.0, 14.0, 0.0, "Population".to_owned()),
        (
            72.0,
            700.0,
            12.0,
            432.0,
            "By the estimate, the resident population of the federation".to_owned(),
        ),
        (
            72.0,
            688.0,
            10.0,
            432.0,
            "on the first of August came to 146.8 million people. In the seven months".to_owned(),
        ),
        (
            72.0,
            676.0,
            10.0,
            0.0,
            "to July the number grew by 5.3 thousand people.".to_owned(),
        ),
    ];
    let text = text_of(&courier_lines(&lines));
    assert_eq!(
        text,
        "Population\n\nBy the estimate, the resident population of the federation on the first of August came to 146.8 million people. In the seven months to July the number grew by 5.3 thousand people.\n"
    );
}

#[test]
fn notes_whose_numbers_stand_apart_and_open_on_a_figure_stay_on_their_page() {
    // A ruling's notes, each number set apart from its note: page 2's first note opens on
    // its edition (`10th Edition, …`), the last on a year in brackets. They follow the
    // paragraphs that cite them, not page 1's note at the top of page 2.
    let body = |y: f32, t: &str| format!("BT /F1 10.5 Tf 1 0 0 1 51 {y} Tm ({t}) Tj ET\n");
    let note = |y: f32, n: &str, t: &str| {
        format!("BT /F1 7 Tf 1 0 0 1 51 {y} Tm ({n}) Tj 1 0 0 1 75 {y} Tm ({t}) Tj ET\n")
    };
    let mut first = String::new();
    let mut second = String::new();
    for k in 0..30 {
        first.push_str(&body(
            740.0 - 13.0 * k as f32,
            "The committee may act where the woman informs it of the offence, and",
        ));
        second.push_str(&body(
            740.0 - 13.0 * k as f32,
            "The dictionary defines the word where as in or to what place or what",
        ));
    }
    first.push_str(&body(
        350.0,
        "it shall then forward the complaint to the police, as cited.6",
    ));
    second.push_str(&body(
        350.0,
        "position, and the courts have read it so in many cases.7 8 9",
    ));
    first.push_str(&note(200.0, "6", "(1987) 1 SCC 606."));
    second.push_str(&note(200.0, "7", "10th Edition, 2002, Pg. 1629."));
    second.push_str(&note(
        189.0,
        "8",
        "South Asian Edition, 2008, Volume 3 at Pg. 3009.",
    ));
    second.push_str(&note(178.0, "9", "[1968] AC 1097."));
    let text = text_of(&pages(&[first.as_bytes(), second.as_bytes()]));
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s}: {text}"));
    assert!(at("as cited.6") < at("6\t(1987)"), "{text}");
    assert!(at("many cases.7 8 9") < at("7\t10th Edition"), "{text}");
    assert!(at("7\t10th Edition") < at("8\tSouth Asian"), "{text}");
    assert!(at("8\tSouth Asian") < at("9\t[1968] AC 1097."), "{text}");
}

#[test]
fn a_quotation_going_on_over_the_page_keeps_the_notes_after_it() {
    // A ruling quotes a statute, set in from both sides; its first proviso ends page 1 and
    // the next opens page 2. Page 1's note comes after the quotation, not between them.
    let line = |x: f32, y: f32, t: &str| format!("BT /F1 10.5 Tf 1 0 0 1 {x} {y} Tm ({t}) Tj ET\n");
    let mut first = String::new();
    for k in 0..20 {
        first.push_str(&line(
            51.0,
            740.0 - 13.0 * k as f32,
            "The committee shall inquire into the complaint under the statute, and the",
        ));
    }
    first.push_str(&line(
        51.0,
        480.0,
        "section reads as follows, as the court has cited.6",
    ));
    for k in 0..8 {
        first.push_str(&line(
            99.0,
            455.0 - 13.0 * k as f32,
            "Provided that where the woman informs the committee, it",
        ));
    }
    first.push_str(&line(
        99.0,
        351.0,
        "shall forward the complaint to the police:",
    ));
    first.push_str(
        "BT /F1 7 Tf 1 0 0 1 51 200 Tm (6) Tj 1 0 0 1 75 200 Tm ((1987) 1 SCC 606.) Tj ET\n",
    );
    let mut second = String::new();
    for k in 0..6 {
        second.push_str(&line(
            99.0,
            740.0 - 13.0 * k as f32,
            "Provided further that where both parties are employees, the",
        ));
    }
    second.push_str(&line(
        99.0,
        662.0,
        "parties shall be heard before the Committee.",
    ));
    for k in 0..12 {
        second.push_str(&line(
            51.0,
            640.0 - 13.0 * k as f32,
            "37. The appellant argues that the committee at his own workplace alone has",
        ));
    }
    second.push_str(&line(51.0, 484.0, "the power to hear the complaint."));
    let text = text_of(&pages(&[first.as_bytes(), second.as_bytes()]));
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s}: {text}"));
    assert!(
        at("parties shall be heard before the Committee.") < at("6\t(1987) 1 SCC 606."),
        "{text}"
    );
    assert!(
        at("6\t(1987) 1 SCC 606.") < at("37. The appellant"),
        "{text}"
    );
}

#[test]
fn a_note_number_raised_after_a_bracket_closed_after_a_word_reads_as_superscript() {
    // A ruling's citations: a note number raised after a case's bracket, and after the
    // comma that follows one.
    let pdf = page(
        b"BT /F1 10 Tf 72 700 Td (In Davies \\(Inspector of Taxes\\)) Tj /F1 7 Tf 4 Ts (9) Tj /F1 10 Tf 0 Ts ( and in Eera \\(NCT of Delhi\\),) Tj /F1 7 Tf 4 Ts (5) Tj /F1 10 Tf 0 Ts ( it agreed.) Tj ET",
        "",
        &[],
    );
    let text = text_of(&pdf);
    assert!(
        text.contains("In Davies (Inspector of Taxes)⁹ and in Eera (NCT of Delhi),⁵ it agreed."),
        "{text}"
    );
}

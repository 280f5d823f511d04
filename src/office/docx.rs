//! The conclusions notice as a Word document in the form of Nghị định 30/2020/NĐ-CP: A4,
//! margins top and bottom 20 mm, left 30 mm, right 15 mm, Times New Roman 14 (the header
//! lines 13, recipients 12 and 11), the issuer and the national emblem lines side by side
//! in a borderless table, the signature beside the recipients.

use docx_rs::{
    AlignmentType, Docx, LineSpacing, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType,
    Table, TableCell, TableLayoutType, TableRow, WidthType,
};

use crate::journal::minutes::Notice;

/// Twentieths of a point per millimetre.
fn mm(v: f64) -> i32 {
    (v * 56.6929).round() as i32
}

const FONT: &str = "Times New Roman";

/// Text width of A4 less 30 mm and 15 mm, in twips.
fn text_width() -> usize {
    (mm(210.0) - mm(30.0) - mm(15.0)) as usize
}

fn run(text: &str, size_pt: usize) -> Run {
    Run::new().add_text(text).size(size_pt * 2)
}

fn para(align: AlignmentType) -> Paragraph {
    Paragraph::new()
        .align(align)
        .line_spacing(LineSpacing::new().before(0).after(0))
}

fn centred(text: &str, size: usize, bold: bool, italic: bool) -> Paragraph {
    let mut r = run(text, size);
    if bold {
        r = r.bold();
    }
    if italic {
        r = r.italic();
    }
    para(AlignmentType::Center).add_run(r)
}

/// A short rule under a heading line, as the form draws it (a line of the cell's width would
/// be too long; an underscore line of a third of it is what offices type).
fn rule(chars: usize) -> Paragraph {
    centred(&"\u{2500}".repeat(chars), 8, false, false)
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    let mut c = TableCell::new().width(width, WidthType::Dxa);
    for p in paragraphs {
        c = c.add_paragraph(p);
    }
    c.clear_all_border()
}

fn two_columns(left: Vec<Paragraph>, right: Vec<Paragraph>, split: f64) -> Table {
    let w = text_width();
    let lw = (w as f64 * split) as usize;
    Table::new(vec![TableRow::new(vec![
        cell(left, lw),
        cell(right, w - lw),
    ])])
    .set_grid(vec![lw, w - lw])
    .layout(TableLayoutType::Fixed)
    .width(w, WidthType::Dxa)
    .clear_all_border()
}

/// A body paragraph: justified, first line indented 1 cm, 6 pt after.
fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(mm(10.0))),
            None,
            None,
        )
        .line_spacing(LineSpacing::new().before(0).after(120).line(288))
        .add_run(run(text, 14))
}

/// The notice as the bytes of a .docx file.
pub fn notice_docx(n: &Notice) -> Result<Vec<u8>, String> {
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    let mut doc = Docx::new()
        .page_size(mm(210.0) as u32, mm(297.0) as u32)
        .page_margin(
            PageMargin::new()
                .top(mm(20.0))
                .bottom(mm(20.0))
                .left(mm(30.0))
                .right(mm(15.0))
                .header(mm(10.0))
                .footer(mm(10.0)),
        )
        .default_fonts(fonts)
        .default_size(28);

    // Issuer and number | national emblem lines and place, date.
    let mut left = Vec::new();
    if let Some(p) = &n.issuer_parent {
        left.push(centred(p, 13, false, false));
    }
    left.push(centred(&n.issuer, 13, true, false));
    left.push(rule(8));
    left.push(para(AlignmentType::Center).add_run(run(&n.number, 13)));
    let mut right = vec![
        centred(&n.nation, 12, true, false),
        centred(&n.motto, 13, true, false),
        rule(14),
    ];
    if !n.place_date.is_empty() {
        right.push(
            para(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(120).after(0))
                .add_run(run(&n.place_date, 14).italic()),
        );
    }
    doc = doc.add_table(two_columns(left, right, 0.40));

    // Title.
    doc = doc
        .add_paragraph(para(AlignmentType::Center).line_spacing(LineSpacing::new().before(360)))
        .add_paragraph(centred(&n.title, 14, true, false))
        .add_paragraph(centred(&n.subtitle, 14, true, false))
        .add_paragraph(rule(10))
        .add_paragraph(para(AlignmentType::Center));

    for p in &n.opening {
        doc = doc.add_paragraph(body(p));
    }
    for (gi, g) in n.groups.iter().enumerate() {
        doc = doc.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Both)
                .indent(
                    None,
                    Some(SpecialIndentType::FirstLine(mm(10.0))),
                    None,
                    None,
                )
                .line_spacing(LineSpacing::new().before(60).after(120).line(288))
                .keep_next(true)
                .add_run(run(&format!("{}. {}:", gi + 1, g.unit), 14).bold()),
        );
        for (ii, it) in g.items.iter().enumerate() {
            doc = doc.add_paragraph(body(&format!("{}) {it}", letter(ii))));
        }
    }
    doc = doc.add_paragraph(body(&n.closing));
    doc = doc.add_paragraph(para(AlignmentType::Left));

    // Recipients (or the secretary's signature) | signature.
    let mut left = Vec::new();
    if let Some((title, name)) = &n.left_signature {
        left.push(centred(title, 14, true, false));
        for _ in 0..4 {
            left.push(para(AlignmentType::Center).add_run(run("", 14)));
        }
        left.push(centred(name, 14, true, false));
    } else if !n.recipients.is_empty() {
        left.push(para(AlignmentType::Left).add_run(run(&n.recipients_label, 12).bold().italic()));
        for r in &n.recipients {
            left.push(para(AlignmentType::Left).add_run(run(r, 11)));
        }
    }
    if left.is_empty() {
        left.push(para(AlignmentType::Left));
    }
    let mut right = Vec::new();
    if !n.authority.is_empty() {
        right.push(centred(&n.authority, 14, true, false));
    }
    right.push(centred(&n.signer_title, 14, true, false));
    for _ in 0..4 {
        right.push(para(AlignmentType::Center).add_run(run("", 14)));
    }
    right.push(centred(&n.signer_name, 14, true, false));
    doc = doc.add_table(two_columns(left, right, 0.50));

    if !n.appendix.is_empty() {
        doc =
            doc.add_paragraph(centred(&n.appendix_title, 13, true, false).page_break_before(true));
        doc = doc.add_paragraph(para(AlignmentType::Center));
        let w = text_width();
        let widths = [w * 10 / 100, w * 55 / 100, w - w * 10 / 100 - w * 55 / 100];
        let row = |cells: [&str; 3], bold: bool| {
            TableRow::new(
                cells
                    .iter()
                    .zip(widths)
                    .map(|(t, cw)| {
                        let mut r = run(t, 12);
                        if bold {
                            r = r.bold();
                        }
                        TableCell::new()
                            .width(cw, WidthType::Dxa)
                            .add_paragraph(para(AlignmentType::Left).add_run(r))
                    })
                    .collect(),
            )
        };
        let [a, b, c] = &n.appendix_columns;
        let mut rows = vec![row([a, b, c], true)];
        for [x, y, z] in &n.appendix {
            rows.push(row([x, y, z], false));
        }
        doc = doc.add_table(
            Table::new(rows)
                .set_grid(widths.to_vec())
                .layout(TableLayoutType::Fixed)
                .width(w, WidthType::Dxa),
        );
    }

    let mut buf = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut buf).map_err(|e| e.to_string())?;
    Ok(buf.into_inner())
}

fn letter(i: usize) -> String {
    let l = (b'a' + (i % 26) as u8) as char;
    l.to_string().repeat(i / 26 + 1)
}

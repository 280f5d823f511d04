//! The notice as Markdown or plain text, block by block in the order of the form.

use super::{Format, Notice};

/// `name.ext` text of the notice (docx is written by `office::docx`; asked for here it gets
/// the Markdown form).
pub fn render_notice(n: &Notice, format: Format) -> String {
    match format {
        Format::Txt => txt(n),
        Format::Md | Format::Docx => md(n),
    }
}

fn md(n: &Notice) -> String {
    let mut o = String::new();
    if let Some(p) = &n.issuer_parent {
        o.push_str(&format!("{p}  \n"));
    }
    o.push_str(&format!("**{}**  \n{}\n\n", n.issuer, n.number));
    o.push_str(&format!("**{}**  \n**{}**\n\n", n.nation, n.motto));
    if !n.place_date.is_empty() {
        o.push_str(&format!("*{}*\n\n", n.place_date));
    }
    o.push_str(&format!("## {}\n\n**{}**\n\n", n.title, n.subtitle));
    for p in &n.opening {
        o.push_str(&format!("{p}\n\n"));
    }
    for (gi, g) in n.groups.iter().enumerate() {
        o.push_str(&format!("**{}. {}:**\n\n", gi + 1, g.unit));
        for (ii, it) in g.items.iter().enumerate() {
            o.push_str(&format!("{}) {it}\n\n", super::letter(ii)));
        }
    }
    o.push_str(&format!("{}\n\n", n.closing));
    if let Some((title, name)) = &n.left_signature {
        o.push_str(&format!("**{title}**\n\n**{name}**\n\n"));
    } else if !n.recipients.is_empty() {
        o.push_str(&format!("***{}***  \n", n.recipients_label));
        for r in &n.recipients {
            o.push_str(&format!("{r}  \n"));
        }
        o.push('\n');
    }
    if !n.authority.is_empty() {
        o.push_str(&format!("**{}**  \n", n.authority));
    }
    o.push_str(&format!(
        "**{}**\n\n**{}**\n",
        n.signer_title, n.signer_name
    ));
    if !n.appendix.is_empty() {
        o.push_str(&format!("\n---\n\n### {}\n\n", n.appendix_title));
        let [a, b, c] = &n.appendix_columns;
        o.push_str(&format!("| {a} | {b} | {c} |\n|---|---|---|\n"));
        for [x, y, z] in &n.appendix {
            let esc = |s: &str| s.replace('|', "\\|");
            o.push_str(&format!("| {} | {} | {} |\n", esc(x), esc(y), esc(z)));
        }
    }
    o
}

fn txt(n: &Notice) -> String {
    let mut o = String::new();
    if let Some(p) = &n.issuer_parent {
        o.push_str(&format!("{p}\n"));
    }
    o.push_str(&format!("{}\n{}\n\n", n.issuer, n.number));
    o.push_str(&format!(
        "{}\n{}\n\n{}\n\n",
        n.nation, n.motto, n.place_date
    ));
    o.push_str(&format!("{}\n{}\n\n", n.title, n.subtitle));
    for p in &n.opening {
        o.push_str(&format!("{p}\n\n"));
    }
    for (gi, g) in n.groups.iter().enumerate() {
        o.push_str(&format!("{}. {}:\n", gi + 1, g.unit));
        for (ii, it) in g.items.iter().enumerate() {
            o.push_str(&format!("   {}) {it}\n", super::letter(ii)));
        }
        o.push('\n');
    }
    o.push_str(&format!("{}\n\n", n.closing));
    if let Some((title, name)) = &n.left_signature {
        o.push_str(&format!("{title}\n\n{name}\n\n"));
    } else if !n.recipients.is_empty() {
        o.push_str(&format!("{}\n", n.recipients_label));
        for r in &n.recipients {
            o.push_str(&format!("{r}\n"));
        }
        o.push('\n');
    }
    if !n.authority.is_empty() {
        o.push_str(&format!("{}\n", n.authority));
    }
    o.push_str(&format!("{}\n\n{}\n", n.signer_title, n.signer_name));
    if !n.appendix.is_empty() {
        o.push_str(&format!("\n{}\n\n", n.appendix_title));
        let [a, b, c] = &n.appendix_columns;
        o.push_str(&format!("{a} | {b} | {c}\n"));
        for [x, y, z] in &n.appendix {
            o.push_str(&format!("{x} | {y} | {z}\n"));
        }
    }
    o
}

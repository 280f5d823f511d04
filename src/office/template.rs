//! Update templates: a workbook for one province (or one unit) prefilled with its open tasks,
//! its blockers and its indicators from the newest snapshot, for the province to fill in and
//! send back (`import` reads it). Key columns are locked (sheet protection, no password: it
//! prevents slips, not intent), statuses come from a drop-down list, and a sheet explains
//! how to fill it in, in Vietnamese.

use rust_xlsxwriter::{
    Color, DataValidation, Format, FormatAlign, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use super::xlsx::{date_format, excel_date, header_format};
use crate::domain::Status;
use crate::snapshot::Snapshot;
use crate::text::{one_line, strip_html};

/// What a column holds, for checking it on import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColKind {
    /// A key: printed from the snapshot, locked, must come back unchanged.
    Key,
    Text,
    Units,
    Deadline,
    Status,
    Number,
    Date,
}

/// A sheet of the template: its name and columns (header, field, kind).
pub struct SheetSpec {
    pub name: &'static str,
    pub columns: &'static [(&'static str, &'static str, ColKind)],
    /// Whether new rows may be added at the end.
    pub new_rows: bool,
}

pub const TASKS: SheetSpec = SheetSpec {
    name: "Nhiệm vụ",
    columns: &[
        ("Mã", "id", ColKind::Key),
        ("Báo cáo", "report", ColKind::Key),
        ("Nội dung nhiệm vụ", "title", ColKind::Key),
        ("Đơn vị chủ trì", "lead_raw", ColKind::Units),
        ("Thời hạn", "deadline_raw", ColKind::Deadline),
        ("Trạng thái", "status_raw", ColKind::Status),
        ("Kết quả thực hiện", "result", ColKind::Text),
    ],
    new_rows: true,
};

pub const BLOCKERS: SheetSpec = SheetSpec {
    name: "Vướng mắc",
    columns: &[
        ("Mã", "id", ColKind::Key),
        ("Báo cáo", "report", ColKind::Key),
        ("Nội dung khó khăn, vướng mắc", "text", ColKind::Key),
        ("Đơn vị chịu trách nhiệm", "responsible_raw", ColKind::Units),
        ("Giải pháp, kiến nghị", "solution", ColKind::Text),
    ],
    new_rows: false,
};

pub const INDICATORS: SheetSpec = SheetSpec {
    name: "Chỉ tiêu",
    columns: &[
        ("Mã", "id", ColKind::Key),
        ("Báo cáo", "report", ColKind::Key),
        ("Chỉ tiêu", "name", ColKind::Key),
        ("Số liệu (nguyên văn)", "raw", ColKind::Text),
        ("Giá trị", "value", ColKind::Number),
        ("Số liệu đến ngày", "as_of", ColKind::Date),
    ],
    new_rows: false,
};

/// Blank rows left for new tasks.
pub const ROOM: u32 = 100;

/// The statuses of the drop-down list (an empty cell: status not known).
pub fn status_choices() -> Vec<&'static str> {
    Status::ALL
        .into_iter()
        .filter(|s| *s != Status::Unknown)
        .map(Status::label_vi)
        .collect()
}

/// A cell's text as the template prints it (and as it must come back to count as unchanged).
pub fn printed(s: &str) -> String {
    one_line(&strip_html(s))
}

/// The records a template covers.
pub struct Scope {
    pub label: String,
    pub tasks: Vec<usize>,
    pub blockers: Vec<usize>,
    pub indicators: Vec<usize>,
}

/// The open tasks, blockers and indicators of a province (of 2024, or of today: then of
/// every province it absorbed), or of a unit.
pub fn scope(s: &Snapshot, locality: Option<&str>, unit: Option<&str>) -> Result<Scope, String> {
    let open = |i: &usize| !s.task_status(*i).is_done();
    if let Some(l) = locality {
        let mut provinces: Vec<&str> = Vec::new();
        if let Some(t) = s.today_province(l) {
            provinces = s.absorbed_by(&t.id).iter().map(|x| x.id.as_str()).collect();
        }
        if provinces.is_empty() {
            let found = s.localities_spelled(l);
            let p = found
                .first()
                .and_then(|&i| s.province_of(&s.localities[i].id))
                .ok_or_else(|| {
                    let hint =
                        crate::text::did_you_mean(l, s.localities.iter().map(|x| x.id.as_str()))
                            .map(|h| format!(" (did you mean '{h}'?)"))
                            .unwrap_or_default();
                    format!("no province is called '{l}'{hint}")
                })?;
            provinces.push(p);
        }
        let label = provinces
            .iter()
            .map(|p| s.locality_name(p))
            .collect::<Vec<_>>()
            .join(", ");
        return Ok(Scope {
            label,
            tasks: s.tasks_in(&provinces).into_iter().filter(open).collect(),
            blockers: s.blockers_in(&provinces),
            indicators: s.indicators_in(&provinces),
        });
    }
    let u = unit.ok_or("give --locality ID or --unit ID")?;
    let id = crate::cli::decide::resolve_unit(s, u, None)?;
    let unit = s
        .unit(&id)
        .ok_or_else(|| format!("no unit is called '{u}'"))?;
    let provinces: Vec<&str> = unit
        .locality
        .as_deref()
        .and_then(|l| s.province_of(l))
        .into_iter()
        .collect();
    Ok(Scope {
        label: unit.name.to_string(),
        tasks: (0..s.tasks.len())
            .filter(|&i| s.tasks[i].lead_units.iter().any(|u| *u == id))
            .filter(open)
            .collect(),
        blockers: (0..s.blockers.len())
            .filter(|&i| s.blockers[i].responsible.iter().any(|u| *u == id))
            .collect(),
        indicators: if provinces.is_empty() {
            Vec::new()
        } else {
            s.indicators_in(&provinces)
        },
    })
}

fn report_short(s: &Snapshot, id: &str) -> String {
    s.report(id)
        .map(|r| r.short.to_string())
        .unwrap_or_else(|| id.to_string())
}

/// The template workbook, as bytes.
pub fn template(s: &Snapshot, sc: &Scope) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    howto(wb.add_worksheet(), s, sc)?;
    let rows: Vec<Vec<Option<Val>>> = sc
        .tasks
        .iter()
        .map(|&i| {
            let t = &s.tasks[i];
            let status = s.task_status(i);
            vec![
                Some(Val::T(t.id.to_string())),
                Some(Val::T(report_short(s, &t.report))),
                Some(Val::T(printed(&t.title))),
                Some(Val::T(printed(&t.lead_raw))),
                Some(Val::T(printed(&t.deadline_raw))),
                (status != Status::Unknown).then(|| Val::T(status.label_vi().into())),
                Some(Val::T(printed(&t.result))),
            ]
        })
        .collect();
    sheet(wb.add_worksheet(), &TASKS, &rows)?;
    let rows: Vec<Vec<Option<Val>>> = sc
        .blockers
        .iter()
        .map(|&i| {
            let b = &s.blockers[i];
            vec![
                Some(Val::T(b.id.to_string())),
                Some(Val::T(report_short(s, &b.report))),
                Some(Val::T(printed(&b.text))),
                Some(Val::T(printed(&b.responsible_raw))),
                Some(Val::T(printed(&b.solution))),
            ]
        })
        .collect();
    sheet(wb.add_worksheet(), &BLOCKERS, &rows)?;
    let rows: Vec<Vec<Option<Val>>> = sc
        .indicators
        .iter()
        .map(|&i| {
            let x = &s.indicators[i];
            vec![
                Some(Val::T(x.id.to_string())),
                Some(Val::T(report_short(s, &x.report))),
                Some(Val::T(printed(&x.name))),
                Some(Val::T(printed(&x.raw))),
                x.value.map(Val::N),
                x.as_of.map(Val::D),
            ]
        })
        .collect();
    sheet(wb.add_worksheet(), &INDICATORS, &rows)?;
    wb.save_to_buffer()
}

enum Val {
    T(String),
    N(f64),
    D(chrono::NaiveDate),
}

fn sheet(ws: &mut Worksheet, spec: &SheetSpec, rows: &[Vec<Option<Val>>]) -> Result<(), XlsxError> {
    ws.set_name(spec.name)?;
    let locked = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0xEDEDED));
    let open = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_unlocked();
    let open_date = date_format().set_unlocked().set_align(FormatAlign::Top);
    for (c, (h, _, kind)) in spec.columns.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, *h, &header_format())?;
        let width = match kind {
            ColKind::Key if c == 0 => 16.0,
            ColKind::Key if c == 1 => 20.0,
            ColKind::Key | ColKind::Text => 50.0,
            ColKind::Units => 28.0,
            ColKind::Status | ColKind::Deadline | ColKind::Date => 18.0,
            ColKind::Number => 14.0,
        };
        ws.set_column_width(c, width)?;
    }
    let room = if spec.new_rows { ROOM } else { 0 };
    let last = rows.len() as u32 + room;
    for r in 1..=last {
        let row = rows.get(r as usize - 1);
        for (c, (_, _, kind)) in spec.columns.iter().enumerate() {
            let c16 = c as u16;
            // A key of an existing row is locked; in the room for new rows everything is open.
            let fmt = if *kind == ColKind::Key && row.is_some() {
                &locked
            } else {
                &open
            };
            match row.and_then(|v| v.get(c)).and_then(Option::as_ref) {
                Some(Val::T(t)) => {
                    ws.write_string_with_format(r, c16, t, fmt)?;
                }
                Some(Val::N(n)) => {
                    ws.write_number_with_format(r, c16, *n, fmt)?;
                }
                Some(Val::D(d)) => {
                    ws.write_datetime_with_format(r, c16, excel_date(*d)?, &open_date)?;
                }
                None if *kind == ColKind::Date => {
                    ws.write_blank(r, c16, &open_date)?;
                }
                None => {
                    ws.write_blank(r, c16, fmt)?;
                }
            }
        }
    }
    if let Some(sc) = spec.columns.iter().position(|c| c.2 == ColKind::Status) {
        let v = DataValidation::new()
            .allow_list_strings(&status_choices())?
            .set_error_title("Trạng thái")?
            .set_error_message(
                "Chọn một trạng thái trong danh sách (hoặc để trống nếu chưa rõ).",
            )?;
        ws.add_data_validation(1, sc as u16, last.max(1), sc as u16, &v)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        insert_rows: true,
        use_autofilter: true,
        sort: true,
        ..ProtectionOptions::new()
    };
    ws.protect_with_options(&options);
    Ok(())
}

fn howto(ws: &mut Worksheet, s: &Snapshot, sc: &Scope) -> Result<(), XlsxError> {
    ws.set_name("Hướng dẫn")?;
    ws.set_column_width(0, 110)?;
    let title = Format::new().set_bold().set_font_size(14);
    let wrap = Format::new().set_text_wrap();
    let as_of = s
        .as_of
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_default();
    let lines = [
        format!("MẪU CẬP NHẬT TIẾN ĐỘ ĐỀ ÁN 06 — {}", sc.label),
        format!("Lập từ số liệu: {} (đến ngày {as_of}).", s.title),
        String::new(),
        "Cách điền:".into(),
        "1. Trang “Nhiệm vụ”: mỗi dòng là một nhiệm vụ chưa hoàn thành. Cập nhật cột Trạng thái (chọn trong danh sách), Thời hạn, Đơn vị chủ trì và Kết quả thực hiện.".into(),
        "2. Các cột có nền xám (Mã, Báo cáo, Nội dung) là khóa để đối chiếu: không sửa, không xóa dòng, không đổi thứ tự cột.".into(),
        "3. Nhiệm vụ mới: ghi vào các dòng trống ở cuối trang “Nhiệm vụ”, để trống cột Mã và Báo cáo, ghi Nội dung, Đơn vị chủ trì, Thời hạn, Trạng thái.".into(),
        "4. Thời hạn ghi như trong báo cáo: “30/6/2025”, “Tháng 6/2025”, “Quý III/2025”, “Trong năm 2025”, “Thực hiện thường xuyên”.".into(),
        "5. Đơn vị chủ trì ghi tên hoặc tên viết tắt (“Sở TTTT”, “Công an tỉnh”); nhiều đơn vị cách nhau bằng dấu chấm phẩy (;).".into(),
        "6. Trang “Vướng mắc”: cập nhật đơn vị chịu trách nhiệm và giải pháp, kiến nghị. Trang “Chỉ tiêu”: cập nhật số liệu (nguyên văn), giá trị và ngày số liệu.".into(),
        "7. Lưu tệp dạng .xlsx và gửi lại. Khi nhập, mọi ô được kiểm tra; ô sai được báo theo tên trang và ô (ví dụ “Nhiệm vụ!F23”) kèm điều cần sửa.".into(),
    ];
    for (i, l) in lines.iter().enumerate() {
        let f = if i == 0 { &title } else { &wrap };
        ws.write_string_with_format(i as u32, 0, l, f)?;
    }
    ws.set_active(true);
    Ok(())
}

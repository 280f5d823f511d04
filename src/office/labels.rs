//! Column headers for spreadsheets: every field name of `export` in Vietnamese and English.
//! JSON keeps the stable field names; CSV and xlsx show these.

use crate::journal::Lang;

/// (field, Vietnamese, English)
const HEADERS: &[(&str, &str, &str)] = &[
    ("id", "Mã", "Id"),
    ("report", "Báo cáo", "Report"),
    ("report_name", "Tên báo cáo", "Report name"),
    ("locality", "Mã địa phương", "Locality id"),
    ("locality_name", "Địa phương", "Locality"),
    ("section", "Mục", "Section"),
    ("local_number", "STT", "No."),
    ("title", "Nội dung", "Title"),
    ("lead_units", "Mã đơn vị chủ trì", "Lead unit ids"),
    ("lead_names", "Đơn vị chủ trì", "Lead units"),
    ("lead_raw", "Chủ trì (theo báo cáo)", "Lead (as reported)"),
    ("coord_units", "Mã đơn vị phối hợp", "Coordinating unit ids"),
    ("coord_names", "Đơn vị phối hợp", "Coordinating units"),
    (
        "coord_raw",
        "Phối hợp (theo báo cáo)",
        "Coordinating (as reported)",
    ),
    ("force_units", "Mã lực lượng", "Force unit ids"),
    (
        "deadline_raw",
        "Thời hạn (theo báo cáo)",
        "Deadline (as reported)",
    ),
    ("deadline_kind", "Loại thời hạn", "Deadline kind"),
    ("due", "Hạn", "Due"),
    ("status", "Mã trạng thái", "Status key"),
    ("status_name", "Trạng thái", "Status"),
    (
        "status_raw",
        "Trạng thái (theo báo cáo)",
        "Status (as reported)",
    ),
    ("overdue", "Quá hạn", "Overdue"),
    ("days_overdue", "Số ngày quá hạn", "Days overdue"),
    ("model", "Mô hình", "Model"),
    (
        "model_printed",
        "Số mô hình (theo báo cáo)",
        "Model (as printed)",
    ),
    ("steps", "Số bước", "Steps"),
    ("result", "Kết quả", "Result"),
    ("source", "Nguồn", "Source"),
    ("number", "Số", "Number"),
    ("group", "Nhóm", "Group"),
    ("localities", "Địa phương (mã)", "Localities"),
    (
        "localities_listed",
        "Số địa phương liệt kê",
        "Localities listed",
    ),
    (
        "printed_count",
        "Số lượng (theo báo cáo)",
        "Count (as printed)",
    ),
    (
        "deployed_provinces",
        "Tỉnh đã triển khai",
        "Provinces deployed",
    ),
    ("sources", "Các nguồn", "Sources"),
    ("difficulties", "Khó khăn", "Difficulties"),
    ("effectiveness", "Hiệu quả", "Effectiveness"),
    ("cost", "Kinh phí", "Cost"),
    ("replication", "Nhân rộng", "Replication"),
    ("kind", "Loại", "Kind"),
    ("text", "Nội dung", "Text"),
    ("task", "Nhiệm vụ", "Task"),
    ("causes", "Nguyên nhân", "Causes"),
    (
        "cause_raw",
        "Nguyên nhân (theo báo cáo)",
        "Cause (as reported)",
    ),
    (
        "responsible",
        "Mã đơn vị chịu trách nhiệm",
        "Responsible unit ids",
    ),
    (
        "responsible_names",
        "Đơn vị chịu trách nhiệm",
        "Responsible units",
    ),
    (
        "responsible_raw",
        "Trách nhiệm (theo báo cáo)",
        "Responsible (as reported)",
    ),
    ("solution", "Giải pháp", "Solution"),
    ("addressees", "Kiến nghị tới", "Addressed to"),
    ("name", "Tên", "Name"),
    ("aliases", "Tên khác", "Other names"),
    ("level", "Cấp", "Level"),
    ("tasks_led", "Nhiệm vụ chủ trì", "Tasks led"),
    ("tasks_overdue", "Nhiệm vụ quá hạn", "Tasks overdue"),
    ("blockers", "Vướng mắc", "Blockers"),
    ("parent", "Thuộc", "Parent"),
    ("today", "Mã tỉnh hiện nay", "Province of today (id)"),
    ("today_name", "Tỉnh hiện nay", "Province of today"),
    ("city", "Thành phố trực thuộc TW", "City"),
    ("absorbed", "Sáp nhập từ", "Absorbed"),
    ("value", "Giá trị", "Value"),
    ("numerator", "Tử số", "Numerator"),
    ("denominator", "Mẫu số", "Denominator"),
    ("unit", "Đơn vị tính", "Unit"),
    (
        "percent_printed",
        "Tỷ lệ (theo báo cáo)",
        "Percent (as printed)",
    ),
    ("percent_computed", "Tỷ lệ (tính lại)", "Percent (computed)"),
    ("as_of", "Số liệu đến ngày", "As of"),
    ("raw", "Nguyên văn", "As printed"),
    ("file", "Tệp", "File"),
    ("short", "Tên ngắn", "Short name"),
    ("issuer", "Cơ quan ban hành", "Issuer"),
    ("date", "Ngày", "Date"),
    ("period", "Kỳ báo cáo", "Period"),
    ("headline", "Số liệu nêu trong báo cáo", "Headline figures"),
    ("subject", "Đối tượng", "Subject"),
    ("message", "Nội dung phát hiện", "Message"),
    ("printed", "Theo báo cáo", "Printed"),
    ("computed", "Tính lại", "Computed"),
    ("content", "Nội dung", "Content"),
    ("citizens", "Người dân", "Citizens"),
    ("businesses", "Doanh nghiệp", "Businesses"),
    ("government", "Cơ quan nhà nước", "Government"),
    (
        "decision_state",
        "Quyết định: trạng thái",
        "Decision: state",
    ),
    (
        "decision_unit",
        "Quyết định: giao chủ trì",
        "Decision: assigned to",
    ),
    (
        "decision_due",
        "Quyết định: hạn mới",
        "Decision: new deadline",
    ),
    ("decision_conclusion", "Kết luận", "Conclusion"),
    ("decision_note", "Ghi chú", "Note"),
    ("decided_on", "Ngày quyết định", "Decided on"),
];

/// The header of a field in the language; the field name itself when it has none.
pub fn header(key: &str, lang: Lang) -> String {
    HEADERS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, vi, en)| if lang == Lang::Vi { *vi } else { *en })
        .unwrap_or(key)
        .to_string()
}

/// Fields whose values are days (YYYY-MM-DD): spreadsheets get them as dates.
pub fn is_date_field(key: &str) -> bool {
    matches!(
        key,
        "due" | "date" | "as_of" | "decision_due" | "decided_on"
    )
}

/// "Có" / "Không", "Yes" / "No".
pub fn yes_no(b: bool, lang: Lang) -> &'static str {
    match (b, lang) {
        (true, Lang::Vi) => "Có",
        (false, Lang::Vi) => "Không",
        (true, Lang::En) => "Yes",
        (false, Lang::En) => "No",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_one_header() {
        for (i, (k, _, _)) in HEADERS.iter().enumerate() {
            assert!(
                !HEADERS[i + 1..].iter().any(|(o, _, _)| o == k),
                "{k} twice"
            );
        }
        assert_eq!(header("due", Lang::Vi), "Hạn");
        assert_eq!(header("due", Lang::En), "Due");
    }
}

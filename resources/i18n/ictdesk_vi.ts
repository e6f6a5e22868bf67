<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi" sourcelanguage="en">
  <context>
    <name>AddUnitDialog</name>
    <message>
      <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="16" />
      <source>Add a unit</source>
      <translation>Thêm đơn vị</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="20" />
      <source>e.g. %1-01</source>
      <translation>ví dụ: %1-01</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="23" />
      <source>e.g. Thôn Đồng Tâm</source>
      <translation>ví dụ: Thôn Đồng Tâm</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="26" />
      <source>Village / residential group</source>
      <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="28" />
      <source>District (before July 2025)</source>
      <translation>Huyện (trước tháng 7/2025)</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="29" />
      <source>Commune</source>
      <translation>Xã, phường</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="35" />
      <source>Under:</source>
      <translation>Trực thuộc:</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="36" />
      <source>Code:</source>
      <translation>Mã:</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="37" />
      <source>Name:</source>
      <translation>Tên:</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="38" />
      <source>Level:</source>
      <translation>Cấp:</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="55" />
      <source>Enter both a code and a name.</source>
      <translation>Hãy nhập cả mã và tên.</translation>
    </message>
  </context>
  <context>
    <name>EntryForm</name>
    <message>
      <location filename="../../src/ictdesk/gui/entry_form.py" line="188" />
      <source>Sum of sub-units</source>
      <translation>Tổng các đơn vị trực thuộc</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/entry_form.py" line="195" />
      <source>No database is open.</source>
      <translation>Chưa mở cơ sở dữ liệu nào.</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/entry_form.py" line="197" />
      <source>Choose a unit in the tree to enter its values.</source>
      <translation>Chọn một đơn vị trong cây để nhập số liệu.</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/entry_form.py" line="288" />
      <source>Not a whole number</source>
      <translation>Không phải số nguyên</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/entry_form.py" line="290" />
      <source>Not a number</source>
      <translation>Không phải là số</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/entry_form.py" line="297" />
      <source>read as %1 (type %2 for the thousands)</source>
      <translation>hiểu là %1 (gõ %2 nếu là hàng nghìn)</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/entry_form.py" line="319" />
      <source>The value was not saved: it is not a valid number.</source>
      <translation>Chưa lưu giá trị: đây không phải là số hợp lệ.</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/entry_form.py" line="325" />
      <source>Not saved</source>
      <translation>Chưa lưu</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/entry_form.py" line="326" />
      <source>The value was not saved: %1</source>
      <translation>Chưa lưu giá trị: %1</translation>
    </message>
  </context>
  <context>
    <name>FirstRunDialog</name>
    <message>
      <location filename="../../src/ictdesk/gui/first_run.py" line="31" />
      <source>Welcome to ictdesk</source>
      <translation>Chào mừng đến với ictdesk</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/first_run.py" line="35" />
      <source>ictdesk keeps your digital-transformation statistics in a file on this computer. Choose the province you report for to create it, or open the demo data to look around first.</source>
      <translation>ictdesk lưu số liệu chuyển đổi số của bạn trong một tệp trên máy tính này. Chọn tỉnh bạn báo cáo để tạo tệp, hoặc mở dữ liệu mẫu để xem thử trước.</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/first_run.py" line="44" />
      <source>Type to search, e.g. phu tho</source>
      <translation>Gõ để tìm, ví dụ: phu tho</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/first_run.py" line="63" />
      <source>Province:</source>
      <translation>Tỉnh, thành phố:</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/first_run.py" line="65" />
      <source>Home commune (optional):</source>
      <translation>Xã, phường của bạn (không bắt buộc):</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/first_run.py" line="66" />
      <source>Your name:</source>
      <translation>Họ và tên người nhập:</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/first_run.py" line="68" />
      <source>Create database</source>
      <translation>Tạo cơ sở dữ liệu</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/first_run.py" line="70" />
      <source>Open demo data</source>
      <translation>Mở dữ liệu mẫu</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/first_run.py" line="110" />
      <source>(none)</source>
      <translation>(không chọn)</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="141" />
      <source>&amp;New database…</source>
      <translation>&amp;Tạo cơ sở dữ liệu mới…</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="142" />
      <source>&amp;Open database…</source>
      <translation>&amp;Mở cơ sở dữ liệu…</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="143" />
      <source>Open &amp;demo data</source>
      <translation>Mở &amp;dữ liệu mẫu</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="144" />
      <source>&amp;Quit</source>
      <translation>T&amp;hoát</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="145" />
      <source>&amp;About ictdesk</source>
      <translation>&amp;Giới thiệu ictdesk</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="149" />
      <source>&amp;File</source>
      <translation>&amp;Tệp</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="150" />
      <source>Open &amp;recent</source>
      <translation>Mở &amp;gần đây</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="151" />
      <source>&amp;Help</source>
      <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="152" />
      <source>Data entry</source>
      <translation>Nhập số liệu</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="162" />
      <source>(no recent files)</source>
      <translation>(chưa có tệp nào)</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="231" />
      <source>This file is not an ictdesk database. It was not changed.</source>
      <translation>Tệp này không phải là cơ sở dữ liệu ictdesk. Tệp không bị thay đổi.</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="234" />
      <source>This file was made by a newer version of ictdesk. Update ictdesk to open it.</source>
      <translation>Tệp này được tạo bởi phiên bản ictdesk mới hơn. Hãy cập nhật ictdesk để mở.</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="237" />
      <source>The database cannot be opened.</source>
      <translation>Không mở được cơ sở dữ liệu.</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="240" />
      <source>Cannot open database</source>
      <translation>Không mở được cơ sở dữ liệu</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="252" />
      <source>Open database</source>
      <translation>Mở cơ sở dữ liệu</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="254" />
      <source>ictdesk databases (*.db *.sqlite *.ictdesk);;All files (*)</source>
      <translation>Cơ sở dữ liệu ictdesk (*.db *.sqlite *.ictdesk);;Tất cả các tệp (*)</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="268" />
      <location filename="../../src/ictdesk/gui/main_window.py" line="278" />
      <source>New database</source>
      <translation>Cơ sở dữ liệu mới</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="270" />
      <source>ictdesk databases (*.db)</source>
      <translation>Cơ sở dữ liệu ictdesk (*.db)</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="280" />
      <source>A file with this name already exists. Choose another name; nothing was overwritten.</source>
      <translation>Đã có tệp trùng tên. Hãy chọn tên khác; không có gì bị ghi đè.</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="304" />
      <source>The unit was not added: %1</source>
      <translation>Chưa thêm được đơn vị: %1</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="314" />
      <source>About ictdesk</source>
      <translation>Giới thiệu ictdesk</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="316" />
      <source>ictdesk %1 — digital-transformation statistics for local government, offline.</source>
      <translation>ictdesk %1 — số liệu chuyển đổi số cho chính quyền địa phương, dùng không cần mạng.</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="344" />
      <source>No database</source>
      <translation>Chưa có cơ sở dữ liệu</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="351" />
      <source>%1 of %2 indicators filled</source>
      <translation>Đã nhập %1/%2 chỉ tiêu</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="401" />
      <source>Cannot create database</source>
      <translation>Không tạo được cơ sở dữ liệu</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="402" />
      <source>The database could not be created.</source>
      <translation>Không tạo được cơ sở dữ liệu.</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="418" />
      <location filename="../../src/ictdesk/gui/main_window.py" line="436" />
      <source>Demo data</source>
      <translation>Dữ liệu mẫu</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="419" />
      <source>Creating the demo database…</source>
      <translation>Đang tạo cơ sở dữ liệu mẫu…</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/main_window.py" line="437" />
      <source>The demo database could not be created.</source>
      <translation>Không tạo được cơ sở dữ liệu mẫu.</translation>
    </message>
  </context>
  <context>
    <name>PeriodPicker</name>
    <message>
      <location filename="../../src/ictdesk/gui/period_picker.py" line="42" />
      <source>Period:</source>
      <translation>Kỳ báo cáo:</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/period_picker.py" line="44" />
      <source>Month</source>
      <translation>Tháng</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/period_picker.py" line="45" />
      <source>Quarter</source>
      <translation>Quý</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/period_picker.py" line="46" />
      <source>Half-year</source>
      <translation>6 tháng</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/period_picker.py" line="47" />
      <source>Year</source>
      <translation>Năm</translation>
    </message>
  </context>
  <context>
    <name>UnitTree</name>
    <message>
      <location filename="../../src/ictdesk/gui/unit_tree.py" line="203" />
      <source>Search units (name or code)…</source>
      <translation>Tìm đơn vị (tên hoặc mã)…</translation>
    </message>
    <message>
      <location filename="../../src/ictdesk/gui/unit_tree.py" line="250" />
      <source>Add a unit under %1…</source>
      <translation>Thêm đơn vị trực thuộc %1…</translation>
    </message>
  </context>
</TS>
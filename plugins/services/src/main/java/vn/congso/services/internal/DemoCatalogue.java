package vn.congso.services.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.congso.services.internal.catalogue.FieldType;
import vn.congso.services.internal.catalogue.FormField;
import vn.congso.services.internal.catalogue.Procedure;
import vn.congso.services.internal.catalogue.ProcedureCatalogue;

/**
 * The demo catalogue: the real procedures of {@code demo/procedures.txt}, then generated ones up
 * to the seed's 242, with exactly 96 at level 3 and 146 at level 4 (level 4 counted as Decree
 * 42's "toàn trình", level 3 as "một phần").
 */
public final class DemoCatalogue {

    /** Procedures in the catalogue. */
    public static final int TOTAL = 242;
    /** Of which at level 3. */
    public static final int LEVEL3 = 96;
    /** Of which at level 4. */
    public static final int LEVEL4 = 146;

    private DemoCatalogue() {
    }

    /**
     * @return the 242 procedures
     * @throws IOException when the list cannot be read
     */
    public static List<Procedure> procedures() throws IOException {
        List<Procedure> out = new ArrayList<>();
        int order = 0;
        try (InputStream in = DemoCatalogue.class.getClassLoader().getResourceAsStream("demo/procedures.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|");
                Procedure.Level level = Procedure.Level.of(f[3]);
                boolean inter = "y".equals(f[4]);
                int online = Integer.parseInt(f[6]);
                out.add(new Procedure(f[0], f[1], f[2], level, inter, legalBasis(f[2]), components(f[2]), f[7],
                        vn.congso.services.internal.catalogue.Fees.amountIn(f[7]), Integer.parseInt(f[5]), result(f[1]), online,
                        online == 4 ? Procedure.OnlineClass.FULL : Procedure.OnlineClass.PARTIAL,
                        howTo(level, inter), order++));
            }
        }
        long level3 = out.stream().filter(p -> p.onlineLevel() == 3).count();
        long level4 = out.size() - level3;
        int generated = 0;
        List<String> fields = ProcedureCatalogue.FIELDS;
        while (out.size() < TOTAL) {
            int online = level3 < LEVEL3 ? 3 : 4;
            if (online == 3) {
                level3++;
            } else {
                level4++;
            }
            generated++;
            String field = fields.get(generated % fields.size());
            Procedure.Level level = generated % 3 == 0 ? Procedure.Level.DISTRICT : Procedure.Level.COMMUNE;
            out.add(new Procedure(String.format("TD.%04d", generated),
                    "Thủ tục minh họa số " + generated + " lĩnh vực " + FIELD_NAMES.get(field), field, level, false,
                    legalBasis(field), components(field), "Không", 0, 3 + generated % 10,
                    "Văn bản trả lời của cơ quan có thẩm quyền", online,
                    online == 4 ? Procedure.OnlineClass.FULL : Procedure.OnlineClass.PARTIAL, howTo(level, false),
                    order++));
        }
        if (level3 != LEVEL3 || level4 != LEVEL4) {
            throw new IllegalStateException("demo catalogue split " + level3 + "/" + level4);
        }
        return out;
    }

    /** The Vietnamese names of the fields, for the generated procedures' names. */
    static final Map<String, String> FIELD_NAMES = Map.ofEntries(Map.entry("ho-tich", "hộ tịch"),
            Map.entry("chung-thuc", "chứng thực"), Map.entry("dat-dai", "đất đai"), Map.entry("xay-dung", "xây dựng"),
            Map.entry("ho-kinh-doanh", "hộ kinh doanh"), Map.entry("bao-tro-xa-hoi", "bảo trợ xã hội"),
            Map.entry("nguoi-co-cong", "người có công"), Map.entry("giao-duc", "giáo dục"),
            Map.entry("tu-phap", "tư pháp"), Map.entry("moi-truong", "môi trường"),
            Map.entry("nong-nghiep", "nông nghiệp"), Map.entry("van-hoa", "văn hóa"));

    private static String legalBasis(String field) {
        return switch (field) {
            case "ho-tich" -> "Luật Hộ tịch năm 2014\nNghị định số 123/2015/NĐ-CP\nThông tư số 04/2020/TT-BTP";
            case "chung-thuc" -> "Nghị định số 23/2015/NĐ-CP\nThông tư số 01/2020/TT-BTP\nThông tư số 226/2016/TT-BTC";
            case "dat-dai" -> "Luật Đất đai năm 2024\nNghị định số 101/2024/NĐ-CP\nNghị định số 102/2024/NĐ-CP";
            case "xay-dung" -> "Luật Xây dựng năm 2014, sửa đổi năm 2020\nNghị định số 15/2021/NĐ-CP";
            case "ho-kinh-doanh" -> "Nghị định số 01/2021/NĐ-CP\nThông tư số 01/2021/TT-BKHĐT";
            case "bao-tro-xa-hoi" -> "Nghị định số 20/2021/NĐ-CP\nLuật Người khuyết tật năm 2010";
            default -> "Nghị định số 61/2018/NĐ-CP\nNghị định số 107/2021/NĐ-CP";
        };
    }

    private static String components(String field) {
        return switch (field) {
            case "ho-tich" -> "Tờ khai theo mẫu\nGiấy tờ chứng minh nhân thân của người yêu cầu\nGiấy tờ làm căn cứ theo quy định";
            case "chung-thuc" -> "Bản chính giấy tờ, văn bản cần chứng thực\nGiấy tờ tùy thân của người yêu cầu";
            case "dat-dai" -> "Đơn đăng ký theo Mẫu số 04/ĐK\nGiấy tờ về quyền sử dụng đất\nSơ đồ thửa đất";
            case "xay-dung" -> "Đơn đề nghị cấp giấy phép xây dựng\nGiấy tờ về quyền sử dụng đất\nBản vẽ thiết kế xây dựng";
            case "ho-kinh-doanh" -> "Giấy đề nghị đăng ký hộ kinh doanh\nBản sao giấy tờ pháp lý của cá nhân";
            default -> "Đơn đề nghị theo mẫu\nGiấy tờ tùy thân của người yêu cầu\nGiấy tờ chứng minh điều kiện theo quy định";
        };
    }

    private static String result(String name) {
        if (name.startsWith("Đăng ký khai sinh")) {
            return "Giấy khai sinh (bản chính và bản sao nếu có yêu cầu)";
        }
        if (name.startsWith("Đăng ký kết hôn")) {
            return "Giấy chứng nhận kết hôn";
        }
        if (name.startsWith("Chứng thực")) {
            return "Bản sao, văn bản được chứng thực";
        }
        return "Quyết định hoặc giấy tờ theo quy định của thủ tục";
    }

    private static String howTo(Procedure.Level level, boolean inter) {
        String desk = level == Procedure.Level.COMMUNE || inter ? "Bộ phận một cửa Ủy ban nhân dân cấp xã"
                : "Bộ phận một cửa Ủy ban nhân dân huyện";
        return "Nộp hồ sơ trực tuyến trên cổng dịch vụ công hoặc trực tiếp tại " + desk + "\n"
                + "Cán bộ một cửa kiểm tra, tiếp nhận và hẹn ngày trả kết quả\n"
                + (inter ? "Hồ sơ được chuyển lên Ủy ban nhân dân huyện giải quyết và trả kết quả về xã\n" : "")
                + "Nhận kết quả tại bộ phận một cửa hoặc qua dịch vụ bưu chính";
    }

    /**
     * @return the demo e-forms, by procedure code
     */
    public static Map<String, List<FormField>> forms() {
        FormField idNumber = FormField.of("so-dinh-danh", "Số định danh cá nhân của người yêu cầu", FieldType.ID_NUMBER, true);
        return Map.of(
                "1.001193", List.of(
                        FormField.text("ho-ten-tre", "Họ, chữ đệm và tên của trẻ", true, 100),
                        FormField.of("ngay-sinh", "Ngày, tháng, năm sinh", FieldType.DATE, true),
                        new FormField("gioi-tinh", "Giới tính", FieldType.CHOICE, true, 10, Optional.empty(),
                                Optional.empty(), List.of("Nam", "Nữ"), ""),
                        FormField.text("noi-sinh", "Nơi sinh", true, 200),
                        FormField.text("ho-ten-me", "Họ, chữ đệm và tên người mẹ", true, 100),
                        FormField.text("ho-ten-cha", "Họ, chữ đệm và tên người cha", false, 100),
                        idNumber,
                        new FormField("so-ban-sao", "Số bản sao đề nghị cấp", FieldType.NUMBER, false, 3,
                                Optional.of(BigDecimal.ZERO), Optional.of(BigDecimal.TEN), List.of(),
                                "Mỗi bản sao trích lục 8.000 đồng")),
                "1.000894", List.of(
                        FormField.text("ho-ten-chong", "Họ, chữ đệm và tên bên nam", true, 100),
                        FormField.of("ngay-sinh-chong", "Ngày sinh bên nam", FieldType.DATE, true),
                        FormField.of("dinh-danh-chong", "Số định danh cá nhân bên nam", FieldType.ID_NUMBER, true),
                        FormField.text("ho-ten-vo", "Họ, chữ đệm và tên bên nữ", true, 100),
                        FormField.of("ngay-sinh-vo", "Ngày sinh bên nữ", FieldType.DATE, true),
                        FormField.of("dinh-danh-vo", "Số định danh cá nhân bên nữ", FieldType.ID_NUMBER, true)),
                "2.000720", List.of(
                        FormField.text("ten-ho-kinh-doanh", "Tên hộ kinh doanh", true, 150),
                        FormField.text("nganh-nghe", "Ngành, nghề kinh doanh", true, 300),
                        new FormField("von-kinh-doanh", "Vốn kinh doanh (đồng)", FieldType.NUMBER, true, 20,
                                Optional.of(BigDecimal.ONE), Optional.empty(), List.of(), ""),
                        FormField.of("so-lao-dong", "Số lao động", FieldType.NUMBER, false),
                        idNumber));
    }
}

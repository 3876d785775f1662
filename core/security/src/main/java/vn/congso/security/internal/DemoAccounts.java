package vn.congso.security.internal;

import java.util.List;

/** The demo learners created on a first start with {@code demoAccounts=true}: civil servants of several communes. */
final class DemoAccounts {

    /** Username, full name, unit id. */
    static final List<String[]> LEARNERS = List.of(
            new String[] {"tranthilan.taivan", "Trần Thị Lan", "xa-tai-van"},
            new String[] {"lyvanhung.taivan", "Lý Văn Hùng", "xa-tai-van"},
            new String[] {"nguyenthimai.lichhoithuong", "Nguyễn Thị Mai", "xa-lich-hoi-thuong"},
            new String[] {"thachsophal.dai-an-2", "Thạch Sô Phal", "xa-dai-an-2"},
            new String[] {"lethithu.lieutu", "Lê Thị Thu", "xa-lieu-tu"},
            new String[] {"phamvanminh.huyen", "Phạm Văn Minh", "district"});

    private DemoAccounts() {
    }
}

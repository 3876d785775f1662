package vn.congso.itests.sample.internal;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The sample plugin's screen: its title. */
public class SampleView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    /** Creates the view. */
    public SampleView() {
        setId("sample-plugin-view");
        add(new H1(getTranslation("sample.title")));
    }
}

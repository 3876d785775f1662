package vn.congso.testplugin.internal;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The test plugin's one screen: a title and a greeting from the plugin's own translations. */
public class TestPluginView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    /** Creates the view. */
    public TestPluginView() {
        setId("test-plugin-view");
        H1 title = new H1(getTranslation("testplugin.title"));
        title.setId("test-plugin-title");
        Paragraph greeting = new Paragraph(getTranslation("testplugin.greeting"));
        greeting.setId("test-plugin-greeting");
        add(title, greeting);
    }
}

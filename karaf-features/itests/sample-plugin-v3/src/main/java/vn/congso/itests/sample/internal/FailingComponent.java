package vn.congso.itests.sample.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Version 3's defect, on purpose: it throws on activation, so the upgrade must be rolled back. */
@Component(service = FailingComponent.class, immediate = true)
public class FailingComponent {

    /** Always fails. */
    @Activate
    public FailingComponent() {
        throw new IllegalStateException("sample plugin v3 fails on activation on purpose");
    }
}

package io.nbf.cdi;

import java.util.List;

/**
 * What the extension learnt at deployment: the SPIs injected with {@code @DynamicInject}, whose
 * packages are exported to bundles and whose route keys are read. A synthetic bean in both extension forms.
 */
public final class DeploymentInfo {

    private final List<String> spiNames;

    public DeploymentInfo(List<String> spiNames) {
        this.spiNames = List.copyOf(spiNames);
    }

    /** @return the SPI class names */
    public List<String> spiNames() {
        return spiNames;
    }
}

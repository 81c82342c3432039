package io.nbf.cdi.testing;

import io.nbf.cdi.NbfBuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.ClassConfig;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.Enhancement;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.Validation;

/**
 * nbf's build compatible extension without {@code @SkipIfPortableExtensionPresent}, which Weld honours
 * by never running such an extension. Weld finds extension methods among a class's declared methods,
 * so each phase is declared again here and handed to nbf's code: what runs is the same code Quarkus runs.
 */
public class UnskippedBuildCompatibleExtension extends NbfBuildCompatibleExtension {

    @Override
    @Discovery
    public void addContainer(ScannedClasses classes) {
        super.addContainer(classes);
    }

    @Override
    @Enhancement(types = Object.class, withSubtypes = true, withAnnotations = io.nbf.api.DynamicInject.class)
    public void addInjectToBareFields(ClassConfig type) {
        super.addInjectToBareFields(type);
    }

    @Override
    @Registration(types = Object.class)
    public void collect(BeanInfo bean, Messages messages) {
        super.collect(bean, messages);
    }

    @Override
    @Synthesis
    public void addBeans(SyntheticComponents components) {
        super.addBeans(components);
    }

    @Override
    @Validation
    public void validate(Messages messages) {
        super.validate(messages);
    }
}

package io.nbf.tck.support;

import io.nbf.tck.config.TckConfigSource;
import io.nbf.tck.porting.BundleDeployer;
import io.nbf.tck.spi.PriceService;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment of a TCK test: the test class, the TCK's beans and support classes, the SPIs and
 * signals ({@code io.nbf.tck.spi}), the config source ({@code io.nbf.tck.config}, with its
 * META-INF/services entry), and the bundle classes as a resource. nbf itself is not in it: a runner adds
 * what its container needs (nothing on Weld embedded, where nbf is on the class path).
 */
public final class TckDeployment {

    private TckDeployment() {
    }

    /** @return the deployment of {@code test}, with {@code beans} */
    public static WebArchive archive(Class<?> test, Class<?>... beans) {
        return ShrinkWrap.create(WebArchive.class, "nbf-tck-" + test.getSimpleName() + ".war")
                .addClass(test)
                .addClasses(beans)
                .addPackage(TckDeployment.class.getPackage())
                .addPackage(BundleDeployer.class.getPackage())
                .addPackage(PriceService.class.getPackage())
                .addPackage(TckConfigSource.class.getPackage())
                .addAsResource("nbf-tck/bundles.jar")
                .addAsResource(new StringAsset(TckConfigSource.class.getName() + "\n"),
                        "META-INF/services/" + ConfigSource.class.getName())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }
}

package io.nbf.modules.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.api.management.InvalidBundleException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DescriptorTest {

    private static BundleDescriptor parse(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return DescriptorReader.parse(Path.of("b.jar"), p);
    }

    @Test
    void versionsCompareNumericallyAndQualifiedSortsFirst() {
        assertThat(BundleVersion.parse("1.10")).isGreaterThan(BundleVersion.parse("1.9"));
        assertThat(BundleVersion.parse("1.0")).isEqualTo(BundleVersion.parse("1.0.0")).hasSameHashCodeAs(BundleVersion.parse("1"));
        assertThat(BundleVersion.parse("1.0-rc1")).isLessThan(BundleVersion.parse("1.0"));
        assertThat(BundleVersion.parse("1.0-rc1")).isLessThan(BundleVersion.parse("1.0-rc2"));
        assertThat(BundleVersion.parse(" 2.1 ").toString()).isEqualTo("2.1");
        assertThatThrownBy(() -> BundleVersion.parse("v1")).hasMessageContaining("version 'v1' is malformed");
        assertThatThrownBy(() -> BundleVersion.parse("1.2.3.4")).hasMessageContaining("malformed");
        assertThatThrownBy(() -> BundleVersion.parse("1.0-")).hasMessageContaining("malformed");
    }

    @Test
    void readsEveryKey() throws IOException {
        BundleDescriptor d = parse("id=hema-fresh\nversion=1.2\nactivator=com.hema.Hooks\ndegradation=rt-mart\n"
                + "jdk-modules=java.sql, java.xml\nattribute.merchant=hema\nattribute.wareHouseId=2001\n");
        assertThat(d.id()).isEqualTo("hema-fresh");
        assertThat(d.version()).isEqualTo(BundleVersion.parse("1.2.0"));
        assertThat(d.activatorClass()).contains("com.hema.Hooks");
        assertThat(d.degradationBundle()).contains("rt-mart");
        assertThat(d.jdkModules()).containsExactly("java.sql", "java.xml");
        assertThat(d.attributes()).containsExactly(Map.entry("merchant", "hema"), Map.entry("wareHouseId", "2001"));
        assertThat(d.name()).isEqualTo("hema-fresh:1.2");
    }

    @Test
    void rejectsWhatIsWrongNamingTheKey() {
        assertThatThrownBy(() -> parse("id=a\nversion=1\ndegradation=a\n")).isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("b.jar").hasMessageContaining("'degradation'").hasMessageContaining("its own degradation bundle");
        assertThatThrownBy(() -> parse("id=a\nversion=1\nactivator=not a class\n"))
                .hasMessageContaining("'activator' value 'not a class' is not a class name");
        assertThatThrownBy(() -> parse("id=a\nversion=1\nattribute.=x\n")).hasMessageContaining("unknown key 'attribute.'");
    }
}

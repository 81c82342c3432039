package io.nbf.cdi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbf.cdi.beans.BadBeans;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.junit.jupiter.api.Test;

/** Bad @DynamicInject injection points fail the deployment with the member and the fix named. */
class DeploymentProblemsTest extends CdiTestSupport {

    @Test
    void aTypeThatIsNotAnInterface() {
        assertThatThrownBy(() -> start(BadBeans.NotAnInterface.class)).isInstanceOf(DeploymentException.class)
                .hasMessageContaining("@DynamicInject on field io.nbf.cdi.beans.BadBeans$NotAnInterface.text: "
                        + "type java.lang.String is not an interface; inject an SPI interface, or DynamicInvoker<SPI>");
    }

    @Test
    void aRegexThatDoesNotCompile() {
        assertThatThrownBy(() -> start(BadBeans.BadRegex.class)).isInstanceOf(DeploymentException.class)
                .hasMessageContaining("@DynamicInject on field io.nbf.cdi.beans.BadBeans$BadRegex.greeter: "
                        + "REG pattern 'drf-(hz' is not a regular expression");
    }

    @Test
    void aRuleThatIsNotAJsonObject() {
        assertThatThrownBy(() -> start(BadBeans.RuleNotAnObject.class)).isInstanceOf(DeploymentException.class)
                .hasMessageContaining("@DynamicInject on field io.nbf.cdi.beans.BadBeans$RuleNotAnObject.greeter: "
                        + "RULE pattern [\"hema\"] is a JSON array, not an object; write a JSON object such as {\"merchant\":\"hema\"}");
        assertThatThrownBy(() -> start(BadBeans.RuleNotJson.class)).isInstanceOf(DeploymentException.class)
                .hasMessageContaining("RuleNotJson.greeter: RULE pattern merchant=hema is not valid JSON");
    }

    @Test
    void invokersMustNameTheirSpi() {
        assertThatThrownBy(() -> start(BadBeans.RawInvoker.class)).isInstanceOf(DeploymentException.class)
                .hasMessageContaining("RawInvoker.invoker: raw DynamicInvoker; name the SPI, as in DynamicInvoker<YourSpi>");
        assertThatThrownBy(() -> start(BadBeans.WildcardInvoker.class))
                .isInstanceOfAny(DeploymentException.class, DefinitionException.class)
                .hasMessageContaining("WildcardInvoker.invoker: DynamicInvoker<wildcard ?> does not name an SPI interface");
        assertThatThrownBy(() -> start(BadBeans.InvokerWithPattern.class)).isInstanceOf(DeploymentException.class)
                .hasMessageContaining("a DynamicInvoker chooses its bundle per call, so the pattern 'shop-a' would be ignored");
    }
}

package cn.opengov.tracker.platform.testing;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** Architecture rules about controllers that both sides keep, and that ArchUnit's fluent API cannot say directly. */
public final class ControllerRules {

    /** A controller reads through query classes and services, never through another controller. */
    public static final ArchRule CONTROLLERS_CALL_NO_CONTROLLERS = classes()
            .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
            .should(new ArchCondition<JavaClass>("not depend on another controller") {
                @Override
                public void check(JavaClass controller, ConditionEvents events) {
                    for (Dependency d : controller.getDirectDependenciesFromSelf()) {
                        JavaClass target = d.getTargetClass();
                        boolean otherController = !target.equals(controller) && !target.isAnnotation()
                                && (target.isAnnotatedWith(RestController.class) || target.isAnnotatedWith(Controller.class));
                        if (otherController) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                }
            });

    private ControllerRules() {
    }
}

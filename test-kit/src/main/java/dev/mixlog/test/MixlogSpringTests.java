package dev.mixlog.test;

import dev.mixlog.core.internal.delivery.DeliverySeam;
import java.lang.reflect.Field;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.util.ClassUtils;

/**
 * Makes {@link MixlogRecorder} record what a Spring Boot application's own appender would send, with
 * that application's {@code mixlog.*} settings. Spring's test framework finds it in
 * {@code META-INF/spring.factories}; it acts only in test classes that hold a {@code MixlogRecorder}:
 * <ul>
 * <li>before the class's application context starts, the recorder's hub is in place, so that the
 * starter attaches its appender even without a token, and says nothing about sending;</li>
 * <li>before each test, the starter's appender is attached with the settings of the test's own
 * context, which may have been cached by an earlier class with other settings; tests of such
 * classes run one at a time, and contexts start outside them, since one JVM has one logging
 * configuration.</li>
 * </ul>
 * Compiled for Java 17, as Spring 6 is; nothing else in the kit needs Spring.
 */
public final class MixlogSpringTests implements TestExecutionListener, Ordered {
    /**
     * The test classes that joined the hub, until their {@link #afterTestClass}: kept here, not in the
     * {@code TestContext}, whose attributes Spring copies per thread when tests run concurrently.
     */
    private static final Set<Class<?>> JOINED = ConcurrentHashMap.newKeySet();
    private static final String STARTER = "dev.mixlog.spring.boot.MixlogLoggingListener";
    /** One logging configuration per JVM: tests that record against application contexts run one at a time. */
    private static final ReentrantLock ONE_CONTEXT_AT_A_TIME = new ReentrantLock(true);

    /** Before Spring's own listeners, so that the hub is in place when the context starts. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        joinIfRecording(testContext);
    }

    /**
     * Joins here too for classes whose instance, and so their context, is made before
     * {@link #beforeTestClass} ({@code @TestInstance(PER_CLASS)}); and while any test records, starts
     * the context here, one at a time with recording tests, since a starting application attaches its
     * own appender to the one logging configuration of the JVM.
     */
    @Override
    public void prepareTestInstance(TestContext testContext) {
        joinIfRecording(testContext);
        if (joined(testContext) || DeliverySeam.replaced()) {
            ONE_CONTEXT_AT_A_TIME.lock();
            try {
                testContext.getApplicationContext();
            } finally {
                ONE_CONTEXT_AT_A_TIME.unlock();
            }
        }
    }

    private static void joinIfRecording(TestContext testContext) {
        Class<?> testClass = testContext.getTestClass();
        if (holdsARecorder(testClass) && JOINED.add(testClass)) {
            RecordingHub.HUB.join();
        }
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (!joined(testContext)) {
            return;
        }
        ONE_CONTEXT_AT_A_TIME.lock();
        if (ClassUtils.isPresent(STARTER, MixlogSpringTests.class.getClassLoader())) {
            RecordingHub.HUB.detachDefaultAppender();
            StarterAttachment.attachFor(testContext);
        }
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        if (joined(testContext) && ONE_CONTEXT_AT_A_TIME.isHeldByCurrentThread()) {
            ONE_CONTEXT_AT_A_TIME.unlock();
        }
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        if (JOINED.remove(testContext.getTestClass())) {
            RecordingHub.HUB.leave();
        }
    }

    private static boolean joined(TestContext testContext) {
        return JOINED.contains(testContext.getTestClass());
    }

    /** Whether the class, or a class it extends, has a field of type {@link MixlogRecorder}. */
    static boolean holdsARecorder(Class<?> testClass) {
        for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (MixlogRecorder.class.isAssignableFrom(field.getType())) {
                    return true;
                }
            }
        }
        return testClass.getEnclosingClass() != null && holdsARecorder(testClass.getEnclosingClass());
    }

    /** The starter's part, in a class of its own: loaded only when the starter is on the class path. */
    private static final class StarterAttachment {
        static void attachFor(TestContext testContext) {
            dev.mixlog.spring.boot.MixlogLoggingListener.attachFor(testContext.getApplicationContext().getEnvironment());
        }
    }
}

package dev.mixlog.kafka.connect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * A Kafka Connect sink that delivers a topic of Mixpanel records (events, profile and group updates,
 * as Mixlog's appenders write them) to Mixpanel through Mixlog's delivery. Configured with Mixlog's
 * settings under {@code mixpanel.} ({@code mixpanel.token}, {@code mixpanel.region}, ...); scaled with
 * {@code tasks.max}, each task a core of its own.
 */
public final class MixpanelSinkConnector extends SinkConnector {
    /** The version of Mixlog this connector is part of. */
    static final String VERSION = versionOf(MixpanelSinkConnector.class);
    /** The task's number among the connector's tasks, added to each task's properties (its name in logs and JMX). */
    static final String TASK_NUMBER = "mixpanel.sink.task";

    private Map<String, String> properties;

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public void start(Map<String, String> properties) {
        // fails the connector at once, naming every setting to fix
        SinkSettings.of(properties, "mixpanel-sink-check");
        this.properties = Map.copyOf(properties);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return MixpanelSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> task = new HashMap<>(properties);
            task.put(TASK_NUMBER, String.valueOf(i));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return SinkSettings.CONFIG_DEF;
    }

    /** Connect's checks of each setting, and Mixlog's own of them together (credentials, values out of range). */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        try {
            SinkSettings.of(connectorConfigs, "mixpanel-sink-check");
        } catch (ConfigException e) {
            for (ConfigValue value : config.configValues()) {
                if (value.name().equals(SinkSettings.PREFIX + "token")) {
                    value.addErrorMessage(e.getMessage());
                }
            }
        }
        return config;
    }

    private static String versionOf(Class<?> type) {
        String version = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        return version != null ? version : "unknown";
    }
}

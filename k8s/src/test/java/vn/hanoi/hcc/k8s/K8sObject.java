package vn.hanoi.hcc.k8s;

import java.util.List;

/** One object of a rendered overlay: its kind, name and the whole document. */
record K8sObject(String kind, String name, YamlNode body) {

    static K8sObject of(YamlNode document) {
        return new K8sObject(
                document.at("kind").text(), document.at("metadata", "name").text(), document);
    }

    /** "Kind/name", as messages and kubectl name it. */
    String ref() {
        return kind + "/" + name;
    }

    /** The pod template of a workload: a Deployment's or a Job's, or a CronJob's job template's. */
    YamlNode podTemplate() {
        return "CronJob".equals(kind)
                ? body.at("spec", "jobTemplate", "spec", "template")
                : body.at("spec", "template");
    }

    /** The pod template's spec of a workload. */
    YamlNode podSpec() {
        return podTemplate().at("spec");
    }

    /** The pod template's labels of a workload. */
    YamlNode podLabels() {
        return podTemplate().at("metadata", "labels");
    }

    /** The Job's spec, or the one a CronJob makes its Jobs with. */
    YamlNode jobSpec() {
        return "CronJob".equals(kind) ? body.at("spec", "jobTemplate", "spec") : body.at("spec");
    }

    /** The containers and init containers of a workload's pods. */
    List<YamlNode> allContainers() {
        return java.util.stream.Stream.concat(
                        podSpec().at("initContainers").items().stream(), podSpec().at("containers").items().stream())
                .toList();
    }

    /** The literal value of a container's environment variable, or null when it is not set so. */
    static String env(YamlNode container, String name) {
        return container.at("env").items().stream()
                .filter(e -> name.equals(e.at("name").text()))
                .map(e -> e.at("value").text())
                .findFirst()
                .orElse(null);
    }
}

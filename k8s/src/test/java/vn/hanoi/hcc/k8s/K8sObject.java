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

    /** The pod template's spec of a workload. */
    YamlNode podSpec() {
        return body.at("spec", "template", "spec");
    }

    /** The pod template's labels of a workload. */
    YamlNode podLabels() {
        return body.at("spec", "template", "metadata", "labels");
    }

    /** The containers and init containers of a workload's pods. */
    List<YamlNode> allContainers() {
        return java.util.stream.Stream.concat(
                        podSpec().at("initContainers").items().stream(), podSpec().at("containers").items().stream())
                .toList();
    }
}

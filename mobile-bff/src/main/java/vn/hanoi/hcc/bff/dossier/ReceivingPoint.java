package vn.hanoi.hcc.bff.dossier;

/** The service point where a dossier was received, as its views show it. */
public record ReceivingPoint(String id, String name, String address, String branchGroup) {}

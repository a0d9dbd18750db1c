package dev.kpikit.runner.schedule;

import java.util.List;

import dev.kpikit.runner.mail.Attachment;
import dev.kpikit.runner.mail.Headline;

/**
 * A report rendered for a delivery: its title, the files to attach, the headline KPIs with their
 * picture (PNG, null without numbers), and whether it had any data.
 */
public record RenderedReport(String title, List<Attachment> attachments, List<Headline> headlines, byte[] kpiImage,
        boolean hasData) {
}
